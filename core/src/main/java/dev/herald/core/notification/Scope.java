package dev.herald.core.notification;

/** Who a notification is for. */
public enum Scope {
  /** The members named by e-mail. */
  USR,
  /** Every member assigned to a solution. */
  SLN,
  /** Every member of the named groups of a solution. */
  SLN_GRP,
  /** Every member of the organization. */
  ORG
}
