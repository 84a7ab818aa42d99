package dev.herald.core.auth;

/** What a token may do inside its organization. */
public enum Role {
  /** Everything in the organization. */
  ADMIN,
  /** Send notifications and read them. */
  SENDER,
  /** Only the member's own devices and inbox. */
  MEMBER
}
