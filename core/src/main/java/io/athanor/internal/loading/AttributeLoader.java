package io.athanor.internal.loading;

import io.athanor.ObjectDeletedException;
import io.athanor.internal.engine.EngineImpl;
import io.athanor.internal.engine.Errors;
import io.athanor.internal.engine.SqlLog;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Relationships;
import io.athanor.internal.state.StateImpl;
import io.athanor.internal.state.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Loads the attributes of one persistent instance by its key: the unloaded columns an attribute
 * read triggers (all in one SELECT, as SQLAlchemy's deferred/expired load), the columns a
 * {@code refresh()} asks for, and the related objects of one relationship.
 */
public final class AttributeLoader {
    private final SessionContext session;

    public AttributeLoader(SessionContext session) {
        this.session = session;
    }

    /** Loads every unloaded column of the instance in one SELECT ({@code trigger} is the field read). */
    public void loadUnloaded(StateImpl s, int trigger) {
        if (s.status() == Status.DELETED) {
            throw new ObjectDeletedException(SessionMessages.attributeOfDeleted(s.describe(), s.mapper.fieldName(trigger)));
        }
        BitSet fields = new BitSet();
        for (ColumnModel c : s.mapper.columns()) {
            if (s.isUnloaded(c.fieldIndex())) {
                fields.set(c.fieldIndex());
            }
        }
        if (!fields.isEmpty()) {
            loadFields(s, fields);
        }
    }

    /** SELECTs the given fields of a persistent instance by key; {@link ObjectDeletedException} if the row is gone. */
    public void loadFields(StateImpl s, BitSet fields) {
        Mapper m = s.mapper;
        BitSet positions = new BitSet();
        List<ColumnModel> cols = new ArrayList<>();
        for (ColumnModel c : m.columns()) {
            if (fields.get(c.fieldIndex())) {
                positions.set(c.position());
                cols.add(c);
            }
        }
        EngineImpl engine = session.bindFor(m);
        String sql = m.statements(engine.dialect()).selectByKey(positions);
        Object[] key = m.keyValues(s.key());
        Connection c = session.activeTransaction().connection(engine);
        SqlLog.statement(engine, sql, List.of(key));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < key.length; i++) {
                m.primaryKey()[i].codec().bind(ps, i + 1, key[i], engine.dialect());
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ObjectDeletedException(SessionMessages.rowGone(s.describe()));
                }
                for (int i = 0; i < cols.size(); i++) {
                    ColumnModel col = cols.get(i);
                    if (!s.isChanged(col.fieldIndex())) {
                        s.load(col, col.read(rs, i + 1, engine.dialect()));
                    }
                    s.markLoaded(col.fieldIndex());
                }
            }
        } catch (SQLException e) {
            throw Errors.database(SessionMessages.loadFailed(s.describe()), e, sql);
        }
    }

    /** The related objects of a relationship, loading it first when needed. */
    public List<Object> relationshipValues(StateImpl s, RelationshipModel r) {
        if (s.isUnloaded(r.fieldIndex())) {
            if (s.key() == null) {
                return List.of();
            }
            new RelationshipLoader(session).load(s, r, false);
        }
        return Relationships.related(s, r);
    }

    /** An unloaded relationship was read: loads it by its strategy. */
    public void loadRelationship(StateImpl s, RelationshipModel r) {
        new RelationshipLoader(session).load(s, r, true);
    }
}
