package dev.herald.api.auth;

import dev.herald.core.auth.Caller;
import dev.herald.core.common.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The authenticated caller of the current request, set by {@link AuthFilter}. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  /** The caller; the filter has already refused requests without one. */
  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("No authenticated caller on this request");
    }
    return caller;
  }

  /**
   * The member the caller's token acts for. Devices and inboxes are personal: they exist only in
   * the token's own organization, even for a system administrator.
   */
  public UUID ownMemberIn(String organizationId) {
    var c = get();
    if (!c.organizationId().equals(organizationId)) {
      throw new ForbiddenException("Devices and inboxes belong to the token's own organization");
    }
    return c.memberId();
  }
}
