package io.athanor.ext.associationproxy;

import io.athanor.core.spi.MappedAttributes.Column;
import io.athanor.core.spi.MappedAttributes.Relation;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What a proxy reads and writes on each intermediate object: a column attribute, a relationship
 * attribute (an object endpoint), or another association proxy declared on the intermediate class.
 */
sealed interface Endpoint {

    /** The value the intermediate object holds. */
    Object get(Object intermediate);

    /** Sets the intermediate object's value. */
    void set(Object intermediate, Object value);

    /** Whether the endpoint reaches objects (SQLAlchemy's object-targeted proxy). */
    boolean isObject();

    /** Whether the endpoint holds one value rather than a collection. */
    boolean isScalar();

    /** A mapped column of the intermediate class. */
    record OfColumn(Column column) implements Endpoint {
        @Override
        public Object get(Object intermediate) {
            return Fields.read(intermediate, column.fieldIndex());
        }

        @Override
        public void set(Object intermediate, Object value) {
            Fields.write(intermediate, column.fieldIndex(), value);
        }

        @Override
        public boolean isObject() {
            return false;
        }

        @Override
        public boolean isScalar() {
            return true;
        }
    }

    /** A relationship of the intermediate class. */
    record OfRelation(Relation relation) implements Endpoint {
        @Override
        public Object get(Object intermediate) {
            return Fields.read(intermediate, relation.fieldIndex());
        }

        @Override
        public void set(Object intermediate, Object value) {
            Fields.write(intermediate, relation.fieldIndex(), value);
        }

        @Override
        public boolean isObject() {
            return true;
        }

        @Override
        public boolean isScalar() {
            return !relation.collection();
        }
    }

    /**
     * A plain property of the intermediate class, read and written by a getter and a setter
     * (SQLAlchemy's {@code getset_factory}, or its default {@code getattr}/{@code setattr} of an
     * unmapped attribute). {@code sql} is the mapped attribute queries use, or {@code null} when the
     * property is not mapped (queries then refuse it).
     */
    record OfAccessors(String name, Function<Object, Object> getter, BiConsumer<Object, Object> setter, Endpoint sql)
            implements Endpoint {
        @Override
        public Object get(Object intermediate) {
            return getter.apply(intermediate);
        }

        @Override
        public void set(Object intermediate, Object value) {
            if (setter == null) {
                throw new io.athanor.InvalidRequestException(Messages.readOnlyProperty(name, intermediate.getClass()));
            }
            setter.accept(intermediate, value);
        }

        @Override
        public boolean isObject() {
            return sql != null && sql.isObject();
        }

        @Override
        public boolean isScalar() {
            return sql == null || sql.isScalar();
        }
    }

    /** An association proxy declared on the intermediate class (a proxy of a proxy). */
    record OfProxy(AssociationProxy<Object, Object> proxy, Class<?> intermediate) implements Endpoint {
        @Override
        public Object get(Object intermediate) {
            return proxy.scalar(this.intermediate) ? proxy.get(intermediate) : proxy.collection(intermediate);
        }

        @Override
        public void set(Object intermediate, Object value) {
            if (proxy.scalar(this.intermediate)) {
                proxy.set(intermediate, value);
            } else {
                proxy.assign(intermediate, (java.util.Collection<?>) value);
            }
        }

        @Override
        public boolean isObject() {
            return true;
        }

        @Override
        public boolean isScalar() {
            return proxy.scalar(intermediate);
        }
    }
}
