package dev.herald.core.schema;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * Hibernate as a container's persistence provider, without bytecode enhancement at deploy time.
 * Hibernate asks the container to enhance the entities whenever the container offers a temporary
 * class loader; on Payara that transformer then sees Hibernate's own classes as they load and
 * deployment ends in a {@code ClassCircularityError}. Turning it off with Hibernate's settings
 * ({@code hibernate.enhancer.*=false}) is deprecated, so this provider offers Hibernate no
 * temporary class loader instead: Hibernate then registers no transformer, on any server. Herald's
 * entities need no enhancement (nothing is lazily loaded field by field).
 *
 * <p>Name it as the {@code <provider>} of a persistence unit that holds Herald's entities. Its name
 * says "Hibernate" on purpose: WildFly treats a provider as Hibernate by its class name.
 */
public class UnenhancedHibernateProvider extends HibernatePersistenceProvider {

  @Override
  public EntityManagerFactory createContainerEntityManagerFactory(
      PersistenceUnitInfo info, @SuppressWarnings("rawtypes") Map properties) {
    return super.createContainerEntityManagerFactory(new WithoutTempClassLoader(info), properties);
  }

  /** The container's unit as it is, but for the temporary class loader. */
  private record WithoutTempClassLoader(PersistenceUnitInfo unit) implements PersistenceUnitInfo {

    @Override
    public ClassLoader getNewTempClassLoader() {
      return null;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
      // Never called without a temporary class loader; refused should Hibernate change.
      throw new UnsupportedOperationException("Herald's entities are not enhanced");
    }

    @Override
    public String getPersistenceUnitName() {
      return unit.getPersistenceUnitName();
    }

    @Override
    public String getPersistenceProviderClassName() {
      return unit.getPersistenceProviderClassName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
      return unit.getTransactionType();
    }

    @Override
    public DataSource getJtaDataSource() {
      return unit.getJtaDataSource();
    }

    @Override
    public DataSource getNonJtaDataSource() {
      return unit.getNonJtaDataSource();
    }

    @Override
    public List<String> getMappingFileNames() {
      return unit.getMappingFileNames();
    }

    @Override
    public List<URL> getJarFileUrls() {
      return unit.getJarFileUrls();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
      return unit.getPersistenceUnitRootUrl();
    }

    @Override
    public List<String> getManagedClassNames() {
      return unit.getManagedClassNames();
    }

    @Override
    public boolean excludeUnlistedClasses() {
      return unit.excludeUnlistedClasses();
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
      return unit.getSharedCacheMode();
    }

    @Override
    public ValidationMode getValidationMode() {
      return unit.getValidationMode();
    }

    @Override
    public Properties getProperties() {
      return unit.getProperties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
      return unit.getPersistenceXMLSchemaVersion();
    }

    @Override
    public ClassLoader getClassLoader() {
      return unit.getClassLoader();
    }
  }
}
