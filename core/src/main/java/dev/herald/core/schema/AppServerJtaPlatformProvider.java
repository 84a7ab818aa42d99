package dev.herald.core.schema;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.hibernate.engine.transaction.jta.platform.internal.SunOneJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatformProvider;

/**
 * Tells the bundled Hibernate how to reach Payara's transaction manager, which it does not find on
 * its own. Elsewhere (WildFly names its platform itself) this provider stays silent. In core, not
 * in the WAR, so that a host application that embeds Herald with the same Hibernate gets it too.
 */
public class AppServerJtaPlatformProvider implements JtaPlatformProvider {

  private static final String PAYARA_TRANSACTION_MANAGER = "java:appserver/TransactionManager";

  @Override
  public JtaPlatform getProvidedJtaPlatform() {
    try {
      new InitialContext().lookup(PAYARA_TRANSACTION_MANAGER);
      return new SunOneJtaPlatform();
    } catch (NamingException e) {
      return null;
    }
  }
}
