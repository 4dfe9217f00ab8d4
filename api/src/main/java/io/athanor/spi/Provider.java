package io.athanor.spi;

import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.SessionMaker;
import io.athanor.api.internal.Messages;
import io.athanor.mapping.Registry;
import io.athanor.metamodel.RelationshipAttribute;
import java.util.Collection;
import java.util.Iterator;
import java.util.Properties;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.Context;

/**
 * The engine behind the API's static entry points, found once with {@link ServiceLoader}. The
 * {@code athanor-core} jar provides it; an application never calls it directly.
 */
public interface Provider {

    /** The provider on the class path; {@link IllegalStateException} saying which jar is missing if none. */
    static Provider get() {
        Provider provider = Holder.OPTIONAL;
        if (provider == null) {
            throw new IllegalStateException(Messages.noEngine());
        }
        return provider;
    }

    Engine engine(DataSource dataSource);

    Engine engine(String jdbcUrl, Properties properties);

    SessionMaker.Builder sessionMakerBuilder(Registry registry);

    Registry registry(Collection<Class<?>> classes);

    Registry scan(String packageName, ClassLoader loader);

    InstanceState inspect(Object instance);

    void flagModified(Object instance, String attribute);

    /** A newly constructed instance of an enhanced class; the engine may attach its state. */
    void attach(Object instance);

    /**
     * The correlated {@code EXISTS} subquery of {@code relationship.any(criterion)} (when
     * {@code collection}) or {@code relationship.has(criterion)}, rendered inside {@code context}.
     */
    Condition exists(Context<?> context, RelationshipAttribute<?, ?> relationship, boolean collection,
                     Condition criterion);

    /** Lazy holder: the provider is looked up on first use. */
    final class Holder {
        static final Provider OPTIONAL = find();

        private Holder() {
        }

        private static Provider find() {
            Iterator<Provider> it = ServiceLoader.load(Provider.class, Provider.class.getClassLoader()).iterator();
            if (!it.hasNext()) {
                it = ServiceLoader.load(Provider.class).iterator();
            }
            return it.hasNext() ? it.next() : null;
        }

        /** The provider, or {@code null} when no engine is on the class path. */
        public static Provider optional() {
            return OPTIONAL;
        }
    }
}
