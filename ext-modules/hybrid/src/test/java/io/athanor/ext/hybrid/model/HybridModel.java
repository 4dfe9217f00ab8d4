package io.athanor.ext.hybrid.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import java.util.List;

/** The hybrid tests' schema: one engine per database, tables created once, emptied before each test. */
public final class HybridModel {
    public static final Registry REGISTRY = Registry.of(Person.class, Robot.class, Span.class, Android.class, Shelf.class,
            Book.class);

    private HybridModel() {
    }

    /** A session factory on the database, its tables empty. */
    public static SessionMaker fresh(DatabaseHandle db) {
        Engine engine = Schemas.fresh(db, REGISTRY, List.of("DELETE FROM person", "DELETE FROM robot",
                "DELETE FROM hy_span", "DELETE FROM hy_android", "DELETE FROM hy_book", "DELETE FROM hy_shelf"));
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }
}
