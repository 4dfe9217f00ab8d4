package io.athanor.internal;

import io.athanor.Engine;
import io.athanor.InstanceState;
import io.athanor.InvalidRequestException;
import io.athanor.SessionMaker;
import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Engines;
import io.athanor.internal.mapping.MappedClassIndex;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RegistryImpl;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.query.RelationshipConditions;
import io.athanor.internal.session.SessionMakerImpl;
import io.athanor.internal.state.StateImpl;
import io.athanor.mapping.Registry;
import io.athanor.metamodel.RelationshipAttribute;
import io.athanor.spi.Provider;
import java.util.Collection;
import java.util.Properties;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.Context;

/** The engine behind the API's static entry points; registered with {@link java.util.ServiceLoader}. */
public final class CoreProvider implements Provider {

    @Override
    public Engine engine(DataSource dataSource) {
        return EngineImpl.of(dataSource);
    }

    @Override
    public Engine engine(String jdbcUrl, Properties properties) {
        return Engines.create(jdbcUrl, properties);
    }

    @Override
    public SessionMaker.Builder sessionMakerBuilder(Registry registry) {
        if (!(registry instanceof RegistryImpl impl)) {
            throw new InvalidRequestException(SessionMessages.foreignRegistry(registry));
        }
        return new SessionMakerImpl.BuilderImpl(this, impl);
    }

    @Override
    public Registry registry(Collection<Class<?>> classes) {
        return RegistryImpl.build(classes);
    }

    @Override
    public Registry scan(String packageName, ClassLoader loader) {
        return RegistryImpl.build(MappedClassIndex.find(packageName, loader));
    }

    @Override
    public InstanceState inspect(Object instance) {
        if (instance instanceof Enhanced e && e.$athanor$interceptor() instanceof StateImpl s) {
            return s;
        }
        return state(RegistryImpl.lastMapperOf(enhanced(instance).getClass()), instance);
    }

    @Override
    public void flagModified(Object instance, String attribute) {
        StateImpl s = (StateImpl) inspect(instance);
        if (s.session() instanceof io.athanor.internal.session.SessionContext session) {
            session.flagModified(s, attribute);
        } else {
            s.flagModified(attribute);
        }
    }

    @Override
    public void attach(Object instance) {
        if (!(instance instanceof Enhanced e) || e.$athanor$interceptor() != null) {
            return;
        }
        Mapper mapper = RegistryImpl.latestMapperOrNull(instance.getClass());
        if (mapper != null) {
            StateImpl.attachNew(mapper, e);
        }
    }

    @Override
    public Condition exists(Context<?> context, RelationshipAttribute<?, ?> relationship, boolean collection,
                            Condition criterion) {
        return RelationshipConditions.exists(context, relationship, collection, criterion);
    }

    /** The state of an instance, created as transient with the registry's mapper on first sight. */
    public StateImpl state(RegistryImpl registry, Object instance) {
        return state(registry.mapper(enhanced(instance).getClass()), instance);
    }

    private static StateImpl state(Mapper mapper, Object instance) {
        Enhanced e = enhanced(instance);
        AttributeInterceptor i = e.$athanor$interceptor();
        if (i instanceof StateImpl s) {
            if (s.mapper() != mapper && s.isTransient()) {
                s.rebind(mapper);
            }
            return s;
        }
        StateImpl s = StateImpl.transientState(mapper, e);
        e.$athanor$interceptor(s);
        return s;
    }

    private static Enhanced enhanced(Object instance) {
        if (instance instanceof Enhanced e) {
            return e;
        }
        throw new InvalidRequestException(SessionMessages.notEnhancedInstance(instance));
    }
}
