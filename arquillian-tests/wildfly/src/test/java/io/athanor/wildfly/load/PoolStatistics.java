package io.athanor.wildfly.load;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * A WildFly data source's pool statistics, read through the management API (the data source has
 * {@code statistics-enabled=true}, set by the suite's set-up): {@code InUseCount} is the connections handed
 * out and not yet returned.
 */
final class PoolStatistics {
    static final List<String> REPORTED = List.of("InUseCount", "ActiveCount", "AvailableCount", "MaxUsedCount",
            "CreatedCount", "DestroyedCount", "WaitCount", "MaxWaitTime", "TimedOut", "BlockingFailureCount");

    private PoolStatistics() {
    }

    /** The pool statistics of the XA data source {@code name}. */
    static Map<String, Long> read(ManagementClient management, String name) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("read-resource");
        op.get("include-runtime").set(true);
        ModelNode address = op.get("address");
        address.add("subsystem", "datasources");
        address.add("xa-data-source", name);
        address.add("statistics", "pool");
        ModelNode answer = management.getControllerClient().execute(op);
        if (!"success".equals(answer.get("outcome").asString())) {
            throw new IllegalStateException("reading the pool statistics of " + name + " failed: " + answer);
        }
        ModelNode result = answer.get("result");
        if (!result.get("statistics-enabled").asBoolean(false)) {
            throw new IllegalStateException("statistics are off for " + name + ": the set-up enables them");
        }
        Map<String, Long> stats = new LinkedHashMap<>();
        for (String key : REPORTED) {
            stats.put(key, result.get(key).asLong());
        }
        return stats;
    }

    /**
     * Reads until no connection is in use or {@code timeoutMillis} passed: the last responses can reach the
     * client a moment before their request's context ends and its session gives the connection back.
     */
    static Map<String, Long> readIdle(ManagementClient management, String name, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Map<String, Long> stats = read(management, name);
        while (stats.get("InUseCount") != 0 && System.nanoTime() < deadline) {
            stats = read(management, name); // each read is a management round trip: no busy spin
        }
        return stats;
    }
}
