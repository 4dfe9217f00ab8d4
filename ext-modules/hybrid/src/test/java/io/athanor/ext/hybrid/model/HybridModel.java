package io.athanor.ext.hybrid.model;

import io.athanor.Engine;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.Schemas;
import java.util.List;

/** The hybrid tests' schema: one engine per database, tables created once, emptied before each test. */
public final class HybridModel {
    public static final Registry REGISTRY = Registry.of(Person.class, Robot.class);

    private HybridModel() {
    }

    /** A session factory on the database, its tables empty. */
    public static SessionMaker fresh(DatabaseHandle db) {
        Engine engine = Schemas.fresh(db, REGISTRY, List.of("DELETE FROM person", "DELETE FROM robot"));
        return SessionMaker.builder(REGISTRY).bind(engine).build();
    }
}
