package dev.herald.core.runtime;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's default managed thread factory, looked up when first needed. Field injection with
 * {@code @Resource} fails for beans in a WAR's library jars on Payara, so Herald looks the standard
 * name up itself. Herald schedules on executors of its own with these threads rather than on the
 * container's managed scheduler, which WildFly stops with a stack trace per task while it suspends.
 */
public final class ContainerExecutor {

  private static final String THREADS = "java:comp/DefaultManagedThreadFactory";

  private ContainerExecutor() {}

  /** Threads with the application's context, for work that may block, such as provider sends. */
  public static ManagedThreadFactory threads() {
    return lookup(THREADS);
  }

  private static <T> T lookup(String name) {
    try {
      return InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("The server offers no " + name, e);
    }
  }
}
