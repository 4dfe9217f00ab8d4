package io.athanor.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.athanor.MappingException;
import io.athanor.core.broken.BrokenRelations;
import io.athanor.mapping.Registry;
import org.junit.jupiter.api.Test;

/** Relationship mistakes fail when the Registry is built, naming the class, the field and the fix. */
class RelationshipMappingErrorsTest {
    private static final String B = "io.athanor.core.broken.BrokenRelations$";

    private static String message(Class<?>... classes) {
        return assertThrows(MappingException.class, () -> Registry.of(classes)).getMessage();
    }

    @Test
    void ambiguousForeignKeysNameBothCandidates() {
        assertEquals("ATHANOR-1035: " + B + "Twice.parent could join through more than one foreign key "
                + "(br_twice.first_id and br_twice.second_id): choose one with @Relationship(foreignKeys = \"column\")",
                message(BrokenRelations.Parent.class, BrokenRelations.Twice.class));
    }

    @Test
    void noForeignKey() {
        assertEquals("ATHANOR-1034: " + B + "Lonely.parent can't find a foreign key between tables 'br_lonely' and "
                + "'br_parent': add a column with @ForeignKey(\"br_parent.<key>\") on 'br_lonely' (many-to-one), or "
                + "one referencing 'br_lonely' on 'br_parent' (one-to-many), or name an association table with "
                + "secondary = \"...\"", message(BrokenRelations.Parent.class, BrokenRelations.Lonely.class));
    }

    @Test
    void unknownBackPopulates() {
        assertEquals("ATHANOR-1037: " + B + "Child.parent has backPopulates = \"kids\", but " + B + "Parent has no "
                + "@Relationship field of that name pointing back to Child",
                message(BrokenRelations.Parent.class, BrokenRelations.Child.class));
    }

    @Test
    void unmappedTarget() {
        assertEquals("ATHANOR-1033: " + B + "Stranger.other refers to " + B + "NotMapped, which this Registry does not "
                + "map: add it to Registry.of(...)", message(BrokenRelations.Parent.class, BrokenRelations.Stranger.class));
    }

    @Test
    void unknownCascade() {
        assertEquals("ATHANOR-1038: " + B + "BadCascade.parent has unknown cascade option(s) [explode]: use "
                + "save-update, merge, expunge, delete, delete-orphan, refresh-expire or all",
                message(BrokenRelations.Parent.class, BrokenRelations.BadCascade.class));
    }

    @Test
    void deleteOrphanOnManyToOne() {
        assertEquals("ATHANOR-1039: " + B + "OrphanManyToOne.parent is a many-to-one or many-to-many with "
                + "delete-orphan: an object with several parents can't be an orphan; put delete-orphan on the "
                + "one-to-many side", message(BrokenRelations.Parent.class, BrokenRelations.OrphanManyToOne.class));
    }

    @Test
    void rawCollection() {
        assertEquals("ATHANOR-1031: " + B + "RawList.children is a @Relationship collection without an element type: "
                + "declare it as List<Target> or Set<Target>", message(BrokenRelations.RawList.class));
    }

    @Test
    void concreteCollectionType() {
        assertEquals("ATHANOR-1030: " + B + "ArrayListField.children is a @Relationship collection of type "
                + "java.util.ArrayList<" + B + "Child>: declare it as List<Target> or Set<Target>",
                message(BrokenRelations.ArrayListField.class));
    }

    @Test
    void unknownOrderBy() {
        assertEquals("ATHANOR-1040: " + B + "BadOrder.parent orders by 'nope', which is not a column of " + B + "Parent",
                message(BrokenRelations.Parent.class, BrokenRelations.BadOrder.class));
    }
}
