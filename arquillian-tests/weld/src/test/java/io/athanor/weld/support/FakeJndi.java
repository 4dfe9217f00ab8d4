package io.athanor.weld.support;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI of names bound by a test (Java SE has none), for what a container would bind: selected with
 * {@link #install()} for the duration of one test, as {@code java.naming.factory.initial}.
 */
public final class FakeJndi implements InitialContextFactory {
    private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

    /** Makes {@code new InitialContext()} answer from the bound names; {@link #uninstall()} undoes it. */
    public static void install() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, FakeJndi.class.getName());
    }

    public static void uninstall() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        BOUND.clear();
    }

    public static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(FakeJndi.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object found = BOUND.get(String.valueOf(args[0]));
                        if (found == null) {
                            throw new NameNotFoundException(String.valueOf(args[0]));
                        }
                        yield found;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
