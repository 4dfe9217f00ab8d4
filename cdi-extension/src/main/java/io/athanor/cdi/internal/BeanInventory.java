package io.athanor.cdi.internal;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.cdi.SubTransaction;
import io.athanor.cdi.Unit;
import io.athanor.mapping.Registry;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** What the deployment's own beans tell the extension: producers of engines and data sources, units asked for. */
public final class BeanInventory {
    /** A unit asked for somewhere: by an injection point or a {@code @SubTransaction}. */
    record Request(String unit, String where) {
    }

    final Map<String, List<String>> engineProducers = new LinkedHashMap<>();
    final Map<String, List<String>> dataSourceProducers = new LinkedHashMap<>();
    final Set<String> namedDataSources = new LinkedHashSet<>();
    final List<Request> injections = new ArrayList<>();
    final List<Request> subTransactions = new ArrayList<>();

    /** Records a bean of type {@link Engine} or {@link DataSource}. */
    public void bean(Bean<?> bean) {
        Set<Type> types = bean.getTypes();
        Named named = find(bean.getQualifiers(), Named.class);
        if (types.contains(DataSource.class) && named != null) {
            namedDataSources.add(named.value());
            return;
        }
        String unit = unitOf(bean.getQualifiers());
        if (unit == null) {
            return;
        }
        if (types.contains(Engine.class)) {
            engineProducers.computeIfAbsent(unit, u -> new ArrayList<>()).add(bean.toString());
        } else if (types.contains(DataSource.class)) {
            dataSourceProducers.computeIfAbsent(unit, u -> new ArrayList<>()).add(bean.toString());
        }
    }

    /** Records an injection point of a unit's bean. */
    public void injectionPoint(InjectionPoint ip) {
        Type t = ip.getType();
        if (t == Session.class || t == SessionMaker.class || t == Registry.class
                || t == io.athanor.jta.SubTransaction.class || isAsync(t)) {
            String unit = unitOf(ip.getQualifiers());
            if (unit != null) {
                injections.add(new Request(unit, ip.getMember() == null ? String.valueOf(ip)
                        : ip.getMember().getDeclaringClass().getName() + "." + ip.getMember().getName()));
            }
        }
    }

    /** AsyncSession or AsyncSessionMaker, told by name: athanor-asyncio may be absent. */
    private static boolean isAsync(Type t) {
        return t instanceof Class<?> c && (c.getName().equals("io.athanor.ext.asyncio.AsyncSession")
                || c.getName().equals(UnitBeans.ASYNC_MARKER));
    }

    /** Records the units named by {@code @SubTransaction} on a type and its methods. */
    public void subTransactions(AnnotatedType<?> type) {
        add(type, type.getJavaClass().getName());
        for (AnnotatedMethod<?> m : type.getMethods()) {
            add(m, type.getJavaClass().getName() + "." + m.getJavaMember().getName() + "()");
        }
    }

    private void add(Annotated annotated, String where) {
        SubTransaction st = annotated.getAnnotation(SubTransaction.class);
        if (st != null) {
            subTransactions.add(new Request(st.unit(), where));
        }
    }

    /** The unit a set of qualifiers selects, or {@code null} for beans of no unit. */
    static String unitOf(Set<Annotation> qualifiers) {
        Unit unit = find(qualifiers, Unit.class);
        if (unit != null) {
            return unit.value();
        }
        return qualifiers.isEmpty() || find(qualifiers, Default.class) != null ? "" : null;
    }

    private static <A extends Annotation> A find(Set<Annotation> qualifiers, Class<A> type) {
        for (Annotation a : qualifiers) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }
}
