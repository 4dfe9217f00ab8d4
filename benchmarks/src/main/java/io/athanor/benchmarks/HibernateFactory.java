package io.athanor.benchmarks;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.engine.spi.ManagedEntity;

/**
 * Hibernate ORM configured as its documentation recommends for throughput: JDBC batching of 50
 * (the guide suggests 10 to 50), ordered inserts and updates, versioned data in batches, batch
 * fetching, a pool that already disables auto-commit, no statistics, no second-level cache, and
 * entities enhanced at build time (dirty tracking), which this checks.
 */
final class HibernateFactory {
    /** hibernate.jdbc.batch_size, and the flush/clear interval of the batch-insert loop. */
    static final int BATCH_SIZE = 50;

    private HibernateFactory() {
    }

    static SessionFactory build(DataSource dataSource, Class<?>... entities) {
        for (Class<?> entity : entities) {
            if (!ManagedEntity.class.isAssignableFrom(entity)) {
                throw new IllegalStateException(entity.getName() + " is not enhanced by hibernate-enhance-maven-plugin");
            }
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put("hibernate.connection.datasource", dataSource);
        settings.put("hibernate.connection.provider_disables_autocommit", true);
        settings.put("hibernate.jdbc.batch_size", BATCH_SIZE);
        settings.put("hibernate.order_inserts", true);
        settings.put("hibernate.order_updates", true);
        settings.put("hibernate.jdbc.batch_versioned_data", true);
        settings.put("hibernate.default_batch_fetch_size", 16);
        settings.put("hibernate.hbm2ddl.auto", "none");
        settings.put("hibernate.generate_statistics", false);
        settings.put("hibernate.cache.use_second_level_cache", false);
        settings.put("hibernate.show_sql", false);
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder().applySettings(settings).build();
        MetadataSources sources = new MetadataSources(registry);
        for (Class<?> entity : entities) {
            sources.addAnnotatedClass(entity);
        }
        return sources.buildMetadata().buildSessionFactory();
    }
}
