package dev.herald.core.runtime;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's default managed scheduled executor, looked up when first needed. Field injection
 * with {@code @Resource} fails for beans in a WAR's library jars on Payara, so Herald looks the
 * standard name up itself.
 */
public final class ContainerExecutor {

  private static final String DEFAULT = "java:comp/DefaultManagedScheduledExecutorService";

  private ContainerExecutor() {}

  public static ManagedScheduledExecutorService get() {
    try {
      return InitialContext.doLookup(DEFAULT);
    } catch (NamingException e) {
      throw new IllegalStateException("The server offers no " + DEFAULT, e);
    }
  }
}
