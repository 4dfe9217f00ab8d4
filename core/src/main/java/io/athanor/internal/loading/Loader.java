package io.athanor.internal.loading;

import io.athanor.Dialect;
import io.athanor.InvalidRequestException;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.internal.session.SessionContext;
import io.athanor.internal.state.Bits;
import io.athanor.internal.state.StateImpl;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns rows into instances through the identity map: an identity already in the session keeps its
 * instance and its unflushed changes (only unloaded attributes are filled), a new one is created.
 */
public final class Loader {
    private Loader() {
    }

    /** The instance for the mapper's columns read at {@code offset + 1 ...}, or {@code null} for an all-NULL key. */
    public static StateImpl instance(SessionContext session, Mapper mapper, ResultSet rs, int offset, boolean overwrite)
            throws SQLException {
        return instance(session, mapper, rs, offset, overwrite, session.dialectFor(mapper));
    }

    /**
     * As {@link #instance(SessionContext, Mapper, ResultSet, int, boolean)}, with the dialect of the
     * mapper's bind looked up once per statement by the caller rather than once per row.
     */
    public static StateImpl instance(SessionContext session, Mapper mapper, ResultSet rs, int offset, boolean overwrite,
                              Dialect dialect) throws SQLException {
        return instance(session, mapper, rs, offset, overwrite, dialect, null);
    }

    /**
     * As {@link #instance(SessionContext, Mapper, ResultSet, int, boolean, Dialect)}, for rows that may
     * repeat an instance (a parent on each row of its joined collection): when the row's key is
     * {@code previous}'s (an instance of this session and mapper, or {@code null}), {@code previous}
     * is returned without a lookup, since the first of the rows already filled what they hold.
     */
    public static StateImpl instance(SessionContext session, Mapper mapper, ResultSet rs, int offset, boolean overwrite,
                              Dialect dialect, StateImpl previous) throws SQLException {
        ColumnModel[] columns = mapper.columns();
        ColumnModel[] pk = mapper.primaryKey();
        Object id;
        Object[] keyValues = null;
        if (pk.length == 1) {
            id = pk[0].read(rs, offset + pk[0].position() + 1, dialect);
            if (id == null) {
                return null;
            }
        } else {
            keyValues = new Object[pk.length];
            for (int i = 0; i < pk.length; i++) {
                keyValues[i] = pk[i].read(rs, offset + pk[i].position() + 1, dialect);
                if (keyValues[i] == null) {
                    return null;
                }
            }
            id = mapper.identity(keyValues);
        }
        if (previous != null && !overwrite && previous.owner() == session && previous.mapper == mapper
                && id.equals(previous.key())) {
            return previous;
        }
        StateImpl existing = session.states().identity().get(mapper.identityClass(), id);
        if (existing != null) {
            if (overwrite || existing.anyColumnUnloaded()) {
                fill(existing, columns, rs, offset, dialect, overwrite);
            }
            return existing;
        }
        Mapper concrete = mapper.polymorphic() ? concreteMapper(mapper, rs, offset, dialect) : mapper;
        Enhanced obj = concrete.newInstance();
        StateImpl state = obj.$athanor$interceptor() instanceof StateImpl made && made.mapper == concrete
                ? made : new StateImpl(concrete, obj);
        for (ColumnModel c : columns) {
            // key columns were read above: each column is read from the row once
            int k = c.primaryKey() ? keyIndex(pk, c) : -1;
            state.load(c, k < 0 ? c.read(rs, offset + c.position() + 1, dialect)
                    : keyValues == null ? id : keyValues[k]);
        }
        session.states().loaded(state, id);
        if (concrete != mapper) {
            // the subclass's own columns were not selected: they load on first access, as SQLAlchemy's
            ColumnModel[] all = concrete.columns();
            for (int i = columns.length; i < all.length; i++) {
                state.markUnloaded(all[i].fieldIndex());
            }
        }
        state.unloadRelationships();
        return state;
    }

    /** The mapper of the class the row's discriminator names (SQLAlchemy's polymorphic_map). */
    private static Mapper concreteMapper(Mapper mapper, ResultSet rs, int offset, Dialect dialect) throws SQLException {
        ColumnModel d = mapper.discriminator();
        Object value = d.read(rs, offset + d.position() + 1, dialect);
        Mapper concrete = mapper.mapperForIdentity(value);
        if (concrete == null || concrete.isAbstract()) {
            throw new InvalidRequestException(SessionMessages.unknownIdentity(value, mapper.table(), mapper.root().type(),
                    String.join(", ", mapper.root().identities())));
        }
        return concrete;
    }

    private static int keyIndex(ColumnModel[] pk, ColumnModel c) {
        for (int i = 0; i < pk.length; i++) {
            if (pk[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static void fill(StateImpl state, ColumnModel[] columns, ResultSet rs, int offset, Dialect dialect,
                             boolean overwrite) throws SQLException {
        if (overwrite) {
            state.commitAll();
        }
        Bits filled = new Bits();
        for (ColumnModel c : columns) {
            int i = c.fieldIndex();
            if (overwrite || (state.isUnloaded(i) && !state.isChanged(i))) {
                state.load(c, c.read(rs, offset + c.position() + 1, dialect));
                filled.set(i);
            }
        }
        // after the loop: the columns of one composite share a field index
        state.markLoaded(filled);
    }
}
