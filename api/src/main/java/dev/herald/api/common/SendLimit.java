package dev.herald.api.common;

import dev.herald.core.auth.Caller;
import dev.herald.core.limit.SendLimits;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The send limit of a sending endpoint's credential (ADR 0013): a request over it is refused with
 * {@code 429} and {@code Retry-After}, the seconds until the minute ends, before anything else is
 * done with it. Every request counts, repeats with an idempotency key too.
 */
public final class SendLimit {

  private SendLimit() {}

  /** Counts a token's request; throws the 429 when the token is over its limit. */
  public static void check(SendLimits limits, Caller caller) {
    check(limits, "token:" + caller.tokenId(), caller.sendsPerMinute(), "this token");
  }

  /**
   * Counts a credential's request; throws the 429 when it is over its limit.
   *
   * @param credential the credential's kind and id, e.g. {@code webhook:<id>}
   * @param ownLimit the credential's own limit per minute, or {@code null} for the installation's
   * @param named the credential in the refusal's message, e.g. "this webhook"
   */
  public static void check(SendLimits limits, String credential, Integer ownLimit, String named) {
    var perMinute = ownLimit != null ? ownLimit : limits.installationLimit();
    limits
        .take(credential, perMinute)
        .ifPresent(
            seconds -> {
              throw new WebApplicationException(
                  "Too many requests: "
                      + named
                      + " may send "
                      + perMinute
                      + " notifications a minute; retry in "
                      + seconds
                      + " s",
                  Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).build());
            });
  }
}
