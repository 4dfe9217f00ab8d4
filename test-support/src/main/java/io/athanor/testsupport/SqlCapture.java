package io.athanor.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records the statements Athanor logs under {@code io.athanor.sql} (engines with echo on), so tests
 * can assert how many statements an operation emitted and what they were. While any capture is
 * installed, those log lines go only to the captures, not to the console.
 * <pre>{@code
 * try (SqlCapture sql = SqlCapture.start()) {
 *     session.flush();
 *     assertEquals(1, sql.count("INSERT"));
 * }
 * }</pre>
 */
public final class SqlCapture implements AutoCloseable {
    private static final Logger LOGGER = Logger.getLogger("io.athanor.sql");

    static {
        LOGGER.setUseParentHandlers(false);
        LOGGER.setLevel(Level.INFO);
    }

    private final List<String> lines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (lines) {
                lines.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private SqlCapture() {
        LOGGER.addHandler(handler);
    }

    /** Starts recording. */
    public static SqlCapture start() {
        return new SqlCapture();
    }

    /** Keeps echoed statements off the console without recording them. */
    public static void silence() {
        LOGGER.setUseParentHandlers(false);
    }

    /** Every logged line: the SQL, then its parameters in brackets when it has any. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The SQL of every logged statement, without parameters. */
    public List<String> statements() {
        List<String> out = new ArrayList<>();
        for (String line : lines()) {
            int p = line.lastIndexOf("  [");
            out.add(p >= 0 && line.endsWith("]") ? line.substring(0, p) : line);
        }
        return out;
    }

    /** The number of statements logged. */
    public int count() {
        return lines().size();
    }

    /** The number of statements whose SQL starts with {@code verb} (case-insensitive), e.g. "INSERT". */
    public int count(String verb) {
        int n = 0;
        for (String s : statements()) {
            if (s.regionMatches(true, 0, verb, 0, verb.length())) {
                n++;
            }
        }
        return n;
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        synchronized (lines) {
            lines.clear();
        }
    }

    @Override
    public void close() {
        LOGGER.removeHandler(handler);
    }
}
