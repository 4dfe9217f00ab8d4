package io.athanor.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Watches what a real data source's result sets do, for tests of streaming: how many rows were read
 * ({@code next()} returning true) in all, how many result sets are open now, and the last fetch size
 * set on a statement. Wraps the connections, statements and result sets in proxies that record and
 * delegate; the database and the driver are the real ones.
 */
public final class JdbcProbe {
    private final AtomicLong rowsRead = new AtomicLong();
    private final AtomicInteger openResultSets = new AtomicInteger();
    private final AtomicInteger lastFetchSize = new AtomicInteger(-1);
    private volatile boolean lastAutoCommit = true;

    /** {@code dataSource} with every result set it produces watched by this probe. */
    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource);
    }

    /** Rows read from all result sets so far. */
    public long rowsRead() {
        return rowsRead.get();
    }

    /** Result sets opened and not closed yet. */
    public int openResultSets() {
        return openResultSets.get();
    }

    /** The last fetch size set on a statement or result set, or -1. */
    public int lastFetchSize() {
        return lastFetchSize.get();
    }

    /** The auto-commit mode of the connection the last query ran on. */
    public boolean lastAutoCommit() {
        return lastAutoCommit;
    }

    private <T> T proxy(Class<T> type, Object target) {
        return type.cast(Proxy.newProxyInstance(JdbcProbe.class.getClassLoader(), new Class<?>[] {type},
                new Recorder(target)));
    }

    /** Delegates every call, recording the ones that matter and wrapping what they return. */
    private final class Recorder implements InvocationHandler {
        private final Object target;
        private boolean closed;

        Recorder(Object target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && args[0] == Object.class) {
                return target;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (target instanceof ResultSet) {
                if (name.equals("next") && Boolean.TRUE.equals(result)) {
                    rowsRead.incrementAndGet();
                } else if (name.equals("close") && !closed) {
                    closed = true;
                    openResultSets.decrementAndGet();
                } else if (name.equals("setFetchSize")) {
                    lastFetchSize.set((Integer) args[0]);
                }
                return result;
            }
            if (target instanceof Statement) {
                if (name.equals("setFetchSize")) {
                    lastFetchSize.set((Integer) args[0]);
                } else if (name.equals("close") && !closed) {
                    closed = true;
                }
                if (result instanceof ResultSet rs) {
                    lastAutoCommit = ((Statement) target).getConnection().getAutoCommit();
                    openResultSets.incrementAndGet();
                    return proxy(ResultSet.class, rs);
                }
                return result;
            }
            if (result instanceof PreparedStatement ps) {
                return proxy(PreparedStatement.class, ps);
            }
            if (result instanceof Statement st) {
                return proxy(Statement.class, st);
            }
            if (result instanceof Connection c) {
                return proxy(Connection.class, c);
            }
            return result;
        }
    }
}
