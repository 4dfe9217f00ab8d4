package io.athanor.internal.session;

import io.athanor.Engine;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.internal.CoreProvider;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.transaction.TransactionImpl;
import io.athanor.internal.types.Codecs;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.mapping.Registry;
import io.athanor.spi.TransactionIntegration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/** The configured session factory: binds, flags, and the bind resolution SQLAlchemy's {@code get_bind} does. */
public final class SessionMakerImpl implements SessionMaker {
    final CoreProvider provider;
    final RegistryImpl registry;
    private final EngineImpl bind;
    private final Map<Object, EngineImpl> binds;
    final boolean expireOnCommit;
    final boolean autoflush;
    final boolean autobegin;
    final TransactionIntegration integration;
    private final Map<Mapper, EngineImpl> resolved = new ConcurrentHashMap<>();

    private SessionMakerImpl(BuilderImpl b) {
        this.provider = b.provider;
        this.registry = b.registry;
        this.bind = b.bind;
        this.binds = Map.copyOf(b.binds);
        this.expireOnCommit = b.expireOnCommit;
        this.autoflush = b.autoflush;
        this.autobegin = b.autobegin;
        this.integration = b.integration;
    }

    @Override
    public Session open() {
        return new SessionImpl(this);
    }

    @Override
    public void transaction(Consumer<Session> work) {
        transactionResult(s -> {
            work.accept(s);
            return null;
        });
    }

    @Override
    public <T> T transactionResult(Function<Session, T> work) {
        try (Session session = open()) {
            session.begin();
            T result;
            try {
                result = work.apply(session);
            } catch (RuntimeException | Error e) {
                try {
                    if (!(session.currentTransaction() instanceof TransactionImpl tx && tx.root().isExternal())) {
                        session.rollback();
                    }
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            if (session.currentTransaction() instanceof TransactionImpl tx && tx.root().isExternal()) {
                session.flush();
            } else {
                session.commit();
            }
            return result;
        }
    }

    @Override
    public Registry registry() {
        return registry;
    }

    @Override
    public Engine bind() {
        return bind;
    }

    @Override
    public Map<Object, Engine> binds() {
        return Map.<Object, Engine>copyOf(binds);
    }

    @Override
    public Builder toBuilder() {
        BuilderImpl b = new BuilderImpl(provider, registry);
        b.bind = bind;
        b.binds.putAll(binds);
        b.expireOnCommit = expireOnCommit;
        b.autoflush = autoflush;
        b.autobegin = autobegin;
        b.integration = integration;
        return b;
    }

    public EngineImpl defaultBind() {
        if (bind == null) {
            throw new InvalidRequestException(SessionMessages.noDefaultEngine());
        }
        return bind;
    }

    /** SQLAlchemy's get_bind: the class and its superclasses (mixins), then the table, then the default. */
    EngineImpl bindFor(Mapper mapper) {
        EngineImpl e = resolved.get(mapper);
        if (e != null) {
            return e;
        }
        for (Class<?> c = mapper.type(); c != null && c != Object.class; c = c.getSuperclass()) {
            e = binds.get(c);
            if (e != null) {
                break;
            }
        }
        if (e == null) {
            e = binds.get(mapper.table());
        }
        if (e == null) {
            if (bind == null) {
                throw new InvalidRequestException(SessionMessages.noEngineBound(mapper.type(), mapper.table()));
            }
            e = bind;
        }
        resolved.put(mapper, e);
        return e;
    }

    EngineImpl bindForTable(String table) {
        Mapper m = registry.mapperForTable(table);
        if (m != null) {
            return bindFor(m);
        }
        EngineImpl e = binds.get(table);
        return e != null ? e : defaultBind();
    }

    public ColumnCodec codecForValue(Object value) {
        ColumnCodec user = value == null ? null : registry.userCodec(value.getClass());
        return user != null ? user : Codecs.forValue(value);
    }

    /** Builds {@link SessionMakerImpl}s. */
    public static final class BuilderImpl implements SessionMaker.Builder {
        private final CoreProvider provider;
        private final RegistryImpl registry;
        private EngineImpl bind;
        private final Map<Object, EngineImpl> binds = new LinkedHashMap<>();
        private boolean expireOnCommit = true;
        private boolean autoflush = true;
        private boolean autobegin = true;
        private TransactionIntegration integration;

        public BuilderImpl(CoreProvider provider, RegistryImpl registry) {
            this.provider = provider;
            this.registry = registry;
        }

        @Override
        public Builder bind(Engine engine) {
            this.bind = EngineImpl.unwrap(engine);
            return this;
        }

        @Override
        public Builder binds(Map<Object, Engine> map) {
            for (Map.Entry<Object, Engine> e : map.entrySet()) {
                Object k = e.getKey();
                boolean known = k instanceof Class<?> c
                        ? registry.mappedClasses().stream().anyMatch(c::isAssignableFrom)
                        : k instanceof String t && registry.mapperForTable(t) != null;
                if (!known) {
                    throw new InvalidRequestException(SessionMessages.unknownBindsKey(k, registry.mappedClasses().size()));
                }
                binds.put(k, EngineImpl.unwrap(e.getValue()));
            }
            return this;
        }

        @Override
        public Builder expireOnCommit(boolean value) {
            this.expireOnCommit = value;
            return this;
        }

        @Override
        public Builder autoflush(boolean value) {
            this.autoflush = value;
            return this;
        }

        @Override
        public Builder autobegin(boolean value) {
            this.autobegin = value;
            return this;
        }

        @Override
        public Builder transactionIntegration(TransactionIntegration value) {
            this.integration = value;
            return this;
        }

        @Override
        public SessionMaker build() {
            if (bind == null && binds.isEmpty()) {
                throw new InvalidRequestException(SessionMessages.noEngine());
            }
            return new SessionMakerImpl(this);
        }
    }
}
