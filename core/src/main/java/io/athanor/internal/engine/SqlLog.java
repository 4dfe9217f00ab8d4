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
