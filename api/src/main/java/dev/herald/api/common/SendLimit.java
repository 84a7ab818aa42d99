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
    var perMinute =
        caller.sendsPerMinute() != null ? caller.sendsPerMinute() : limits.installationLimit();
    limits
        .take("token:" + caller.tokenId(), perMinute)
        .ifPresent(
            seconds -> {
              throw new WebApplicationException(
                  "Too many requests: this token may send "
                      + perMinute
                      + " notifications a minute; retry in "
                      + seconds
                      + " s",
                  Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds).build());
            });
  }
}
