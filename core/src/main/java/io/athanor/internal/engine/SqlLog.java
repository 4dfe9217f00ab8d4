package io.athanor.internal.engine;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.List;

/** The statement log behind {@code echo(true)}: logger {@code io.athanor.sql}, one line per statement. */
public final class SqlLog {
    private static final Logger LOG = System.getLogger("io.athanor.sql");

    private SqlLog() {
    }

    /** Logs a statement and its parameters when the engine echoes. */
    public static void statement(EngineImpl engine, String sql, List<?> parameters) {
        if (engine.echo()) {
            LOG.log(Level.INFO, parameters == null || parameters.isEmpty() ? sql : sql + "  " + render(parameters));
        }
    }

    /** Logs a batched statement once, with the first rows of parameters. */
    public static void batch(EngineImpl engine, String sql, List<List<Object>> rows) {
        if (engine.echo()) {
            StringBuilder b = new StringBuilder(sql).append("  [batch of ").append(rows.size()).append(": ");
            for (int i = 0; i < Math.min(rows.size(), 10); i++) {
                b.append(i > 0 ? ", " : "").append(render(rows.get(i)));
            }
            LOG.log(Level.INFO, b.append(rows.size() > 10 ? ", ...]" : "]").toString());
        }
    }

    private static String render(List<?> parameters) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < parameters.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            Object p = parameters.get(i);
            b.append(p instanceof byte[] bytes ? "<" + bytes.length + " bytes>"
                    : p instanceof Object[] arr ? Arrays.toString(arr) : String.valueOf(p));
        }
        return b.append(']').toString();
    }
}
