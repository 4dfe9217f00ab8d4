package io.athanor.ext.mutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.athanor.Engine;
import io.athanor.Session;
import io.athanor.SessionMaker;
import io.athanor.mapping.Registry;
import io.athanor.sql.Sql;
import io.athanor.testsupport.AllDatabases;
import io.athanor.testsupport.DatabaseHandle;
import io.athanor.testsupport.SqlCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** The flush writes only the instances whose mutable value changed: 100 of 10,000. */
@AllDatabases
class FlushSizeTest {
    static final Registry REGISTRY = Registry.of(Doc.class);

    @Parameter
    DatabaseHandle db;

    @Test
    void flushingTenThousandInstancesWithAHundredChangedWritesAHundredRows() {
        try (Engine engine = Fixture.engine(db, REGISTRY)) {
            engine.echo(false);
            SessionMaker sessions = SessionMaker.builder(REGISTRY).bind(engine).build();
            sessions.transaction(s -> {
                List<Doc> docs = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    Doc d = new Doc("d" + i);
                    d.data = new MutableDict<>(Map.of("n", i));
                    docs.add(d);
                }
                s.addAll(docs);
            });
            engine.echo(true);
            try (Session s = sessions.open()) {
                List<Doc> all = s.scalars(Sql.select(Doc.class).orderBy(Doc_.id)).all();
                assertEquals(10_000, all.size());
                for (int i = 0; i < all.size(); i += 100) {
                    all.get(i).data.put("n", -1);
                }
                assertEquals(100, s.getDirty().size());
                try (SqlCapture sql = SqlCapture.start()) {
                    s.flush();
                    assertEquals(1, sql.count("UPDATE"), sql.statements().toString());
                    assertTrue(sql.lines().get(0).contains("[batch of 100: "), sql.lines().get(0));
                }
                s.commit();
            }
            try (Session s = sessions.open()) {
                long changed = s.scalars(Sql.select(Doc.class)).all().stream()
                        .filter(d -> ((Number) d.data.get("n")).intValue() == -1).count();
                assertEquals(100, changed);
            }
        }
    }
}
