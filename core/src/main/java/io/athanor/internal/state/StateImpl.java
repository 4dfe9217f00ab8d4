package io.athanor.internal.state;

import io.athanor.AttributeState;
import io.athanor.DetachedInstanceException;
import io.athanor.InstanceState;
import io.athanor.InvalidRequestException;
import io.athanor.Session;
import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.internal.mapping.ColumnModel;
import io.athanor.internal.mapping.CompositeModel;
import io.athanor.internal.mapping.Mapper;
import io.athanor.internal.mapping.RelationshipModel;
import io.athanor.internal.messages.SessionMessages;
import io.athanor.spi.AttributeListener;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine knows about one instance: its session and identity, which attributes are
 * unloaded, and the value each changed attribute had before its first change since the last flush
 * (kept once, as SQLAlchemy's {@code committed_state}). Installed as the instance's interceptor.
 */
public final class StateImpl implements InstanceState, AttributeInterceptor {
    /** Marks an original value that was never loaded. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "NO_VALUE";
        }
    };

    public Mapper mapper;
    public final Enhanced obj;
    /** Assigned by {@link SessionStates} only, as are {@link #session}, {@link #key} and {@link #markedDeleted}. */
    Status status = Status.TRANSIENT;
    AttachedSession session;
    Object key;
    boolean markedDeleted;
    public boolean modified;
    /**
     * Unloaded fields 0..63 as bits of a word (no object per instance), the rest in {@link #unloadedHigh}
     * once a field index of 64 or more is flagged; the same for changed fields.
     */
    private long unloadedLow;
    private Bits unloadedHigh;
    private long changedLow;
    private Bits changedHigh;
    /** Strategies from the loader options of the query that loaded this object, or {@code null}. */
    private java.util.Map<RelationshipModel, io.athanor.mapping.Lazy> loadOverrides;
    public Object[] original;
    long order;
    /** A composite's column values while a row is read into it; see {@link #load}. */
    private Object[] parts;

    private int relationshipCount;

    public StateImpl(Mapper mapper, Enhanced obj) {
        this.mapper = mapper;
        this.obj = obj;
        this.relationshipCount = mapper.relationships().length;
    }

    /** A new transient state for an instance that has none yet. */
    public static StateImpl transientState(Mapper mapper, Enhanced obj) {
        return new StateImpl(mapper, obj);
    }

    /** Attaches a transient state to a newly constructed instance and wires what its constructor set. */
    public static void attachNew(Mapper mapper, Enhanced obj) {
        StateImpl s = new StateImpl(mapper, obj);
        obj.$athanor$interceptor(s);
        s.fillDiscriminator();
        if (s.relationshipCount > 0) {
            Relationships.adopt(s);
        }
    }

    /** A new instance of a hierarchy's class names its class in the discriminator, as SQLAlchemy sets it on init. */
    void fillDiscriminator() {
        ColumnModel d = mapper.discriminator();
        if (d != null && mapper.identityValue() != null && obj.$athanor$get(d.fieldIndex()) == null) {
            obj.$athanor$set(d.fieldIndex(), mapper.identityValue());
        }
    }

    /**
     * Moves a transient state to another registry's mapper of the same class (a class may be mapped
     * by several registries; the instance keeps one state).
     */
    public void rebind(Mapper other) {
        this.mapper = other;
        this.relationshipCount = other.relationships().length;
        this.original = null;
        this.clearChanges();
        this.modified = false;
    }

    public Status status() {
        return status;
    }

    /** The session this instance is attached to, or {@code null}. */
    public AttachedSession owner() {
        return session;
    }

    /** The identity key (a value or an array of values), or {@code null} before the INSERT. */
    public Object key() {
        return key;
    }

    /** Marked with {@code delete()} and not yet flushed. */
    public boolean isMarkedDeleted() {
        return markedDeleted;
    }

    /** When the instance entered its session, relative to the others. */
    public long order() {
        return order;
    }

    /** The mapper of the instance's class. */
    public Mapper mapper() {
        return mapper;
    }

    // ---- interception --------------------------------------------------------------------------

    @Override
    public void beforeRead(Enhanced entity, int index) {
        RelationshipModel r = relationshipCount == 0 ? null : mapper.relationshipAt(index);
        if (r != null) {
            readRelationship(r);
            return;
        }
        if (allLoaded() || !isUnloaded(index)) {
            return;
        }
        if (session == null) {
            if (status == Status.TRANSIENT || status == Status.PENDING) {
                return;
            }
            throw new DetachedInstanceException(SessionMessages.detachedAttribute(describe(), mapper.fieldName(index)));
        }
        session.loadUnloaded(this, index);
    }

    @Override
    public void afterWrite(Enhanced entity, int index, Object oldValue, Object newValue) {
        ColumnModel column = mapper.columnAt(index);
        if (column == null) {
            RelationshipModel r = mapper.relationshipAt(index);
            if (r != null) {
                Relationships.written(this, r, oldValue, newValue);
            }
            return;
        }
        if (column.listeners().length > 0) {
            Object kept = newValue;
            try {
                for (AttributeListener l : column.listeners()) {
                    kept = l.onSet(entity, column, kept);
                }
            } catch (RuntimeException refused) {
                entity.$athanor$set(index, oldValue);
                throw refused;
            }
            if (kept != newValue) {
                entity.$athanor$set(index, kept);
            }
        }
        if (!isChanged(index)) {
            if (original == null) {
                original = new Object[mapper.fieldCount()];
            }
            original[index] = isUnloaded(index) ? NO_VALUE : oldValue;
            markChanged(index);
        }
        markLoaded(index);
        markModified();
    }

    public void markModified() {
        if (!modified) {
            modified = true;
            if (session != null && status == Status.PERSISTENT) {
                session.states().modified(this);
                session.noteModified();
            }
        }
    }

    // ---- relationships -------------------------------------------------------------------------

    private void readRelationship(RelationshipModel r) {
        int index = r.fieldIndex();
        if (isUnloaded(index)) {
            if (session == null) {
                if (status == Status.TRANSIENT || status == Status.PENDING) {
                    markLoaded(index);
                } else {
                    throw new DetachedInstanceException(SessionMessages.detachedRelationship(describe(), r.name()));
                }
            } else {
                session.loadRelationship(this, r);
                return;
            }
        }
        if (r.collection()) {
            Object value = obj.$athanor$get(index);
            if (!(value instanceof TrackedCollection<?> tracked) || tracked.owner() != this) {
                obj.$athanor$set(index, TrackedCollection.create(this, r, (java.util.Collection<?>) value));
            }
        }
    }

    /** Remembers a collection's content before its first change since the last flush. */
    void beforeCollectionChange(RelationshipModel r, TrackedCollection<?> collection) {
        int index = r.fieldIndex();
        if (!isChanged(index)) {
            if (original == null) {
                original = new Object[mapper.fieldCount()];
            }
            original[index] = isUnloaded(index) ? NO_VALUE : collection.snapshot();
            markChanged(index);
        }
        markModified();
    }

    void appended(RelationshipModel r, Object element) {
        Relationships.appended(this, r, element);
    }

    void removed(RelationshipModel r, Object element) {
        Relationships.removed(this, r, element);
    }

    /** Records the change of a relationship field and stores the value, without back-population. */
    void setRelationshipSilently(RelationshipModel r, Object value) {
        int index = r.fieldIndex();
        if (!isChanged(index)) {
            if (original == null) {
                original = new Object[mapper.fieldCount()];
            }
            Object current = obj.$athanor$get(index);
            original[index] = isUnloaded(index) ? NO_VALUE
                    : current instanceof TrackedCollection<?> c ? c.snapshot() : current;
            markChanged(index);
        }
        markLoaded(index);
        obj.$athanor$set(index, value);
        markModified();
    }

    /** Stores a loaded relationship value: no history. */
    public void loadedRelationship(RelationshipModel r, Object value) {
        int index = r.fieldIndex();
        Object stored = r.collection() ? TrackedCollection.create(this, r, (java.util.Collection<?>) value) : value;
        obj.$athanor$set(index, stored);
        markLoaded(index);
    }

    /**
     * Remembers the strategy a loader option gave a relationship of this object (SQLAlchemy's
     * per-state load options), used when it is loaded on access; {@code null} forgets it.
     */
    public void loadOverride(RelationshipModel r, io.athanor.mapping.Lazy strategy) {
        if (strategy != null) {
            if (loadOverrides == null) {
                loadOverrides = new java.util.HashMap<>();
            }
            loadOverrides.put(r, strategy);
        } else if (loadOverrides != null) {
            loadOverrides.remove(r);
        }
    }

    /** How a relationship of this object loads on access: a loader option's strategy, else the mapping's. */
    public io.athanor.mapping.Lazy accessStrategy(RelationshipModel r) {
        io.athanor.mapping.Lazy given = loadOverrides == null ? null : loadOverrides.get(r);
        return given != null ? given : r.lazy();
    }

    /** The value of a relationship without loading it, or {@code null} when it is not loaded. */
    public Object loadedRelationshipValue(RelationshipModel r) {
        return isUnloaded(r.fieldIndex()) ? null : obj.$athanor$get(r.fieldIndex());
    }

    /** Marks every relationship unloaded (a freshly loaded or expired instance). */
    public void unloadRelationships() {
        for (RelationshipModel r : mapper.relationships()) {
            markUnloaded(r.fieldIndex());
        }
    }

    /** SQLAlchemy's {@code flag_modified}: the attribute is written at the next flush. */
    public void flagModified(String attribute) {
        ColumnModel column = mapper.column(attribute);
        if (column == null) {
            throw new InvalidRequestException(SessionMessages.noMappedAttribute(mapper.type(), attribute));
        }
        int index = column.fieldIndex();
        if (isUnloaded(index)) {
            throw new InvalidRequestException(SessionMessages.flagUnloaded(attribute, describe()));
        }
        if (!isChanged(index)) {
            if (original == null) {
                original = new Object[mapper.fieldCount()];
            }
            original[index] = NO_VALUE;
            markChanged(index);
        }
        markModified();
    }

    /** Sets an attribute to a value the database now holds (a synchronised bulk UPDATE): no history. */
    public void loadedValue(ColumnModel column, Object value) {
        int i = column.fieldIndex();
        obj.$athanor$set(i, loaded(obj, column, value));
        markLoaded(i);
        if (isChanged(i)) {
            clearChanged(i);
            if (original != null) {
                original[i] = null;
            }
            if (hasNoChanges()) {
                original = null;
                modified = false;
                if (session != null) {
                    session.states().unmodified(this);
                }
            }
        }
    }

    /** A value read from a row, passed through the attribute's listeners. */
    static Object loaded(Enhanced obj, ColumnModel column, Object value) {
        Object kept = value;
        for (AttributeListener l : column.listeners()) {
            kept = l.onLoad(obj, column, kept);
        }
        return kept;
    }

    /** Lets listeners see (and replace) the values an instance holds as it enters a session. */
    public void attached() {
        for (ColumnModel c : mapper.columns()) {
            int i = c.fieldIndex();
            if (c.listeners().length > 0 && !isUnloaded(i)) {
                Object value = obj.$athanor$get(i);
                if (value == null) {
                    continue;
                }
                Object kept = value;
                for (AttributeListener l : c.listeners()) {
                    kept = l.onAttach(obj, c, kept);
                }
                if (kept != value) {
                    obj.$athanor$set(i, kept);
                }
            }
        }
    }

    /**
     * Stores a column value read from a row, through the attribute's listeners. A composite's
     * columns arrive in order; the last one builds the value from all of them.
     */
    public void load(ColumnModel column, Object read) {
        CompositeModel composite = column.composite();
        if (composite == null) {
            obj.$athanor$set(column.fieldIndex(), loaded(obj, column, read));
            return;
        }
        if (column.component() == 0) {
            parts = new Object[composite.size()];
        }
        parts[column.component()] = read;
        if (column.attributeColumn()) {
            Object value = composite.build(parts);
            parts = null;
            obj.$athanor$set(column.fieldIndex(), loaded(obj, column, value));
        }
    }

    /** Tells listeners that the instance left its session. */
    public void detached() {
        for (ColumnModel c : mapper.columns()) {
            if (c.listeners().length > 0 && !isUnloaded(c.fieldIndex())) {
                Object value = obj.$athanor$get(c.fieldIndex());
                for (AttributeListener l : c.listeners()) {
                    l.onDetach(obj, c, value);
                }
            }
        }
    }

    // ---- engine helpers ------------------------------------------------------------------------

    /** The column's value (a composite column's component). */
    public Object value(ColumnModel column) {
        return column.extract(obj.$athanor$get(column.fieldIndex()));
    }

    /** The value of the column's attribute (a composite column's whole value). */
    Object attributeValue(ColumnModel column) {
        return obj.$athanor$get(column.fieldIndex());
    }

    /** The value a column had when last loaded or flushed (its original if changed since). */
    public Object committedValue(ColumnModel column) {
        int i = column.fieldIndex();
        if (isChanged(i)) {
            Object o = original[i];
            return o == NO_VALUE ? null : column.extract(o);
        }
        return value(column);
    }

    /** Whether the column's value differs from what the database holds. */
    public boolean columnChanged(ColumnModel column) {
        int i = column.fieldIndex();
        if (!isChanged(i)) {
            return false;
        }
        Object o = original[i];
        return o == NO_VALUE || !valueEquals(column.extract(o), value(column));
    }

    public static boolean valueEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    /** Whether any column differs from what the database holds. */
    public boolean hasNetChanges() {
        if (!modified) {
            return false;
        }
        for (int i = nextChanged(0); i >= 0; i = nextChanged(i + 1)) {
            for (ColumnModel c : mapper.columnsAt(i)) {
                if (columnChanged(c)) {
                    return true;
                }
            }
            if (relationshipChanged(mapper.relationshipAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a relationship's value differs from the one loaded or flushed. */
    boolean relationshipChanged(RelationshipModel r) {
        if (r == null || !isChanged(r.fieldIndex())) {
            return false;
        }
        int i = r.fieldIndex();
        Object before = original[i];
        Object now = obj.$athanor$get(i);
        if (before == NO_VALUE) {
            return true;
        }
        if (r.collection()) {
            java.util.List<?> was = (java.util.List<?>) before;
            java.util.Collection<?> is = now == null ? java.util.List.of() : (java.util.Collection<?>) now;
            return was.size() != is.size() || !Relationships.sameElements(was, is);
        }
        return before != now;
    }

    /** Forgets the history: what the fields hold now is what the database holds. */
    public void commitAll() {
        clearChanges();
        original = null;
        modified = false;
    }

    /** Expires every column attribute, discarding unflushed changes. */
    public void expireAll() {
        commitAll();
        for (ColumnModel c : mapper.columns()) {
            markUnloaded(c.fieldIndex());
        }
        unloadRelationships();
    }

    /** Expires the given field indexes, discarding their unflushed changes. */
    public void expire(BitSet fields) {
        for (int i = fields.nextSetBit(0); i >= 0; i = fields.nextSetBit(i + 1)) {
            clearChanged(i);
            if (original != null) {
                original[i] = null;
            }
            markUnloaded(i);
        }
        if (hasNoChanges()) {
            original = null;
            modified = false;
        }
    }

    public String describe() {
        return "<" + mapper.type().getSimpleName() + (key == null ? " (no identity)" : " " + key) + ">";
    }

    // ---- InstanceState -------------------------------------------------------------------------

    @Override
    public boolean isTransient() {
        return status == Status.TRANSIENT;
    }

    @Override
    public boolean isPending() {
        return status == Status.PENDING;
    }

    @Override
    public boolean isPersistent() {
        return status == Status.PERSISTENT;
    }

    @Override
    public boolean isDeleted() {
        return status == Status.DELETED;
    }

    @Override
    public boolean isDetached() {
        return status == Status.DETACHED;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Object identity() {
        return key;
    }

    @Override
    public Set<String> expiredAttributes() {
        if (status == Status.TRANSIENT || status == Status.PENDING) {
            return Set.of();
        }
        return unloadedAttributes();
    }

    @Override
    public Set<String> unloadedAttributes() {
        Set<String> names = new LinkedHashSet<>();
        for (int i = nextUnloaded(0); i >= 0; i = nextUnloaded(i + 1)) {
            names.add(mapper.fieldName(i));
        }
        return Collections.unmodifiableSet(names);
    }

    @Override
    public boolean isModified() {
        return hasNetChanges();
    }

    @Override
    public AttributeState attr(String name) {
        ColumnModel column = mapper.column(name);
        RelationshipModel relationship = column == null ? mapper.relationship(name) : null;
        if (relationship != null) {
            return new RelationshipAttributeView(this, relationship);
        }
        if (column == null) {
            throw new InvalidRequestException(SessionMessages.noMappedAttribute(mapper.type(), name));
        }
        return new ColumnAttributeView(this, column);
    }

    @Override
    public Object object() {
        return obj;
    }

    @Override
    public String toString() {
        return "InstanceState[" + describe() + " " + status + "]";
    }

    // ---- field flags ---------------------------------------------------------------------------

    public boolean isUnloaded(int i) {
        return has(unloadedLow, unloadedHigh, i);
    }

    public void markUnloaded(int i) {
        if (i < 64) {
            unloadedLow |= 1L << i;
        } else {
            (unloadedHigh == null ? unloadedHigh = new Bits() : unloadedHigh).set(i);
        }
    }

    public void markLoaded(int i) {
        if (i < 64) {
            unloadedLow &= ~(1L << i);
        } else if (unloadedHigh != null) {
            unloadedHigh.clear(i);
        }
    }

    /** Clears the unloaded flag of every field set in {@code loaded}. */
    public void markLoaded(Bits loaded) {
        for (int i = loaded.nextSetBit(0); i >= 0; i = loaded.nextSetBit(i + 1)) {
            markLoaded(i);
        }
    }

    public void markAllLoaded() {
        unloadedLow = 0;
        unloadedHigh = null;
    }

    /** Whether some column attribute (not a relationship) is unloaded. */
    public boolean anyColumnUnloaded() {
        return (unloadedLow & mapper.columnBits()) != 0 || (mapper.wideColumns() && unloadedHigh != null
                && !unloadedHigh.isEmpty());
    }

    boolean allLoaded() {
        return none(unloadedLow, unloadedHigh);
    }

    public int nextUnloaded(int from) {
        return next(unloadedLow, unloadedHigh, from);
    }

    public boolean isChanged(int i) {
        return has(changedLow, changedHigh, i);
    }

    public void markChanged(int i) {
        if (i < 64) {
            changedLow |= 1L << i;
        } else {
            (changedHigh == null ? changedHigh = new Bits() : changedHigh).set(i);
        }
    }

    void clearChanged(int i) {
        if (i < 64) {
            changedLow &= ~(1L << i);
        } else if (changedHigh != null) {
            changedHigh.clear(i);
        }
    }

    void clearChanges() {
        changedLow = 0;
        changedHigh = null;
    }

    boolean hasNoChanges() {
        return none(changedLow, changedHigh);
    }

    public int nextChanged(int from) {
        return next(changedLow, changedHigh, from);
    }

    private static boolean has(long low, Bits high, int i) {
        return i < 64 ? (low & (1L << i)) != 0 : high != null && high.get(i);
    }

    private static boolean none(long low, Bits high) {
        return low == 0 && (high == null || high.isEmpty());
    }

    private static int next(long low, Bits high, int from) {
        if (from < 64) {
            long w = low & (-1L << from);
            if (w != 0) {
                return Long.numberOfTrailingZeros(w);
            }
            from = 64;
        }
        return high == null ? -1 : high.nextSetBit(from);
    }
}
