package io.athanor.core.broken;

import io.athanor.mapping.ForeignKey;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import io.athanor.mapping.Relationship;
import java.util.ArrayList;
import java.util.List;

/** Relationship mapping mistakes, one per class pair. */
public final class BrokenRelations {
    private BrokenRelations() {
    }

    @Mapped(table = "br_parent")
    public static class Parent {
        @Id
        Long id;
    }

    /** Two foreign keys to br_parent and no foreignKeys to choose. */
    @Mapped(table = "br_twice")
    public static class Twice {
        @Id
        Long id;
        @ForeignKey("br_parent.id")
        Long firstId;
        @ForeignKey("br_parent.id")
        Long secondId;
        @Relationship
        Parent parent;
    }

    @Mapped(table = "br_lonely")
    public static class Lonely {
        @Id
        Long id;
        @Relationship
        Parent parent;
    }

    @Mapped(table = "br_child")
    public static class Child {
        @Id
        Long id;
        @ForeignKey("br_parent.id")
        Long parentId;
        @Relationship(backPopulates = "kids")
        Parent parent;
    }

    public static class NotMapped {
    }

    @Mapped(table = "br_stranger")
    public static class Stranger {
        @Id
        Long id;
        @Relationship
        NotMapped other;
    }

    @Mapped(table = "br_cascade")
    public static class BadCascade {
        @Id
        Long id;
        @ForeignKey("br_parent.id")
        Long parentId;
        @Relationship(cascade = "save-update, explode")
        Parent parent;
    }

    @Mapped(table = "br_orphan")
    public static class OrphanManyToOne {
        @Id
        Long id;
        @ForeignKey("br_parent.id")
        Long parentId;
        @Relationship(cascade = "all, delete-orphan")
        Parent parent;
    }

    @Mapped(table = "br_raw")
    public static class RawList {
        @Id
        Long id;
        @SuppressWarnings("rawtypes")
        @Relationship
        List children = new ArrayList();
    }

    @Mapped(table = "br_array")
    public static class ArrayListField {
        @Id
        Long id;
        @Relationship
        ArrayList<Child> children = new ArrayList<>();
    }

    @Mapped(table = "br_order")
    public static class BadOrder {
        @Id
        Long id;
        @ForeignKey("br_parent.id")
        Long parentId;
        @Relationship(orderBy = "nope")
        Parent parent;
    }
}
