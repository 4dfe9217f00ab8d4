package io.athanor.cdi.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.literal.NamedLiteral;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Resolves a configured data source name: a {@code @Named} {@code DataSource} bean of that name
 * (Java SE has no JNDI), else a JNDI lookup.
 */
final class DataSources {
    private DataSources() {
    }

    /** Why {@code name} does not resolve at deployment, or {@code null} when it does. */
    static String problem(String name, BeanInventory inventory) {
        if (inventory.namedDataSources.contains(name)) {
            return null;
        }
        try {
            Object found = new InitialContext().lookup(name);
            return found instanceof DataSource ? null : "it is bound to " + found;
        } catch (NamingException | RuntimeException e) {
            return e.toString();
        }
    }

    /** The data source of that name, at run time. */
    static DataSource resolve(String name, Instance<Object> beans) {
        Instance<DataSource> named = beans.select(DataSource.class, NamedLiteral.of(name));
        if (named.isResolvable()) {
            return named.get();
        }
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(Messages.unknownDataSource("athanor.datasource", name, e.toString()), e);
        }
    }
}
