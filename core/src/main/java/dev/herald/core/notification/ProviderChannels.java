package dev.herald.core.notification;

import java.util.Set;

/**
 * The channels this installation's delivery providers add to the built-in ones. Checking a
 * notification needs them; the delivery package, which finds the providers, supplies them, so that
 * notifications do not depend on how they are delivered.
 */
public interface ProviderChannels {

  /** The channel names a sender may use besides {@link Channels#BUILT_IN}. */
  Set<String> customChannels();
}
