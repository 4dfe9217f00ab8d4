package io.athanor.cdi.internal;

import io.athanor.mapping.Registry;
import java.util.LinkedHashMap;
import java.util.Map;

/** One unit as the deployment configured it, validated: its registry, data sources and flags. */
final class UnitPlan {
    final String name;
    Registry registry;
    /** The configured data source name, or {@code null} when a producer supplies the engine. */
    String dataSource;
    boolean engineProducer;
    boolean expireOnCommit = true;
    boolean autoflush = true;
    /** {@code async.max-transactions}, or {@code null} for the async maker's default. */
    Integer asyncMaxTransactions;
    /** Bind keys (mapped class or table name) to data source names. */
    final Map<Object, String> binds = new LinkedHashMap<>();

    UnitPlan(String name) {
        this.name = name;
    }
}
