package io.athanor.core.broken;

import io.athanor.mapping.Column;
import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Version;
import io.athanor.types.ColumnType;
import java.util.concurrent.atomic.AtomicLong;

/** Mapped classes with exactly one mistake each, for the Registry's error messages. */
public final class Broken {
    private Broken() {
    }

    public static class NotMapped {
    }

    @Mapped
    public static class NoKey {
        String name;
    }

    @Mapped
    public static class NoConstructor {
        @Id
        Long id;

        NoConstructor(String required) {
        }
    }

    @Mapped
    public static class UnsupportedType {
        @Id
        Long id;
        AtomicLong counter;
    }

    @Mapped
    public static class StringVersion {
        @Id
        Long id;
        @Version
        String version;
    }

    @Mapped
    public static class TwoVersions {
        @Id
        Long id;
        @Version
        int first;
        @Version
        long second;
    }

    @Mapped
    public static class MalformedForeignKey {
        @Id
        Long id;
        @ForeignKey("owners")
        Long ownerId;
    }

    @Mapped
    public static class UnknownForeignTable {
        @Id
        Long id;
        @ForeignKey("nowhere.id")
        Long ownerId;
    }

    @Mapped(table = "target")
    public static class Target {
        @Id
        Long id;
    }

    @Mapped
    public static class UnknownForeignColumn {
        @Id
        Long id;
        @ForeignKey("target.nope")
        Long targetId;
    }

    @Mapped(table = "dup")
    public static class FirstDup {
        @Id
        Long id;
    }

    @Mapped(table = "dup")
    public static class SecondDup {
        @Id
        Long id;
    }

    @Mapped
    public static class SameColumn {
        @Id
        Long id;
        @Column(name = "x")
        String a;
        @Column(name = "x")
        String b;
    }

    @Mapped
    public static class NotAColumnType {
        @Id
        Long id;
        @Column(type = String.class)
        String value;
    }

    public static final class HiddenConstructorType implements ColumnType<String> {
        private HiddenConstructorType() {
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public Class<?> storedAs() {
            return String.class;
        }

        @Override
        public Object toDatabase(String value) {
            return value;
        }

        @Override
        public String fromDatabase(Object value) {
            return (String) value;
        }
    }

    @Mapped
    public static class UninstantiableType {
        @Id
        Long id;
        @Column(type = HiddenConstructorType.class)
        String value;
    }

    public static class IntegerType implements ColumnType<Integer> {
        @Override
        public Class<Integer> javaType() {
            return Integer.class;
        }

        @Override
        public Class<?> storedAs() {
            return Long.class;
        }

        @Override
        public Object toDatabase(Integer value) {
            return value.longValue();
        }

        @Override
        public Integer fromDatabase(Object value) {
            return ((Number) value).intValue();
        }
    }

    @Mapped
    public static class MismatchedType {
        @Id
        Long id;
        @Column(type = IntegerType.class)
        String value;
    }

    public static class ThreadStoredType extends IntegerType {
        @Override
        public Class<?> storedAs() {
            return Thread.class;
        }
    }

    @Mapped
    public static class UnstorableType {
        @Id
        Long id;
        @Column(type = ThreadStoredType.class)
        Integer value;
    }

    @Mapped
    public abstract static class AbstractEntity {
        @Id
        Long id;
    }

    @Mapped
    public static class VersionedKey {
        @Id
        @Version
        Long id;
    }
}
