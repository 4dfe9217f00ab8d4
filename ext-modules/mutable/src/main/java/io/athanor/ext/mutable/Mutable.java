package io.athanor.ext.mutable;

import io.athanor.Athanor;
import io.athanor.InstanceState;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value that reports changes made to it in place: SQLAlchemy's {@code Mutable}. Athanor links a
 * mutable value to every mapped instance and attribute that holds it (when it is assigned, loaded,
 * or found on an instance added to a session); {@link #changed()} then flags each of those
 * attributes modified, so that the change appears in {@code session.getDirty()} and is flushed.
 *
 * <p>Write a mutable type by extending this class, calling {@link #changed()} from every method that
 * changes the value, and declaring {@code public static YourType coerce(String key, Object value)}
 * when plain values should convert to it (see {@link #coerce}). {@link MutableDict},
 * {@link MutableList}, {@link MutableSet} and {@link MutableComposite} are built this way.
 *
 * <p>Which attributes are tracked: a field declared with a {@code Mutable} type (SQLAlchemy's
 * {@code as_mutable} for that attribute), a field annotated {@link AsMutable}, and every attribute of
 * a column type passed to {@link #associateWith} (SQLAlchemy's {@code associate_with}).
 *
 * <p>Links are not serialised: a deserialised value reports to nobody until it is assigned, loaded or
 * attached again, as an unpickled value in SQLAlchemy.
 */
public abstract class Mutable implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient ParentLinks parents;
    private transient Set<Mutable> containers;

    /** For subclasses. */
    protected Mutable() {
    }

    /**
     * Converts a value assigned to or loaded into attribute {@code key} to this type: SQLAlchemy's
     * {@code Mutable.coerce}. Each subclass may declare its own {@code public static coerce(String,
     * Object)}; this default accepts {@code null} and values that already are mutable, and refuses
     * anything else with an {@link IllegalArgumentException} naming the attribute.
     */
    public static Object coerce(String key, Object value) {
        if (value == null || value instanceof Mutable) {
            return value;
        }
        throw new IllegalArgumentException(Messages.cannotCoerce(key, value, Mutable.class));
    }

    /**
     * Makes every attribute whose {@code @Column(type = ...)} is {@code columnType} track values of
     * {@code mutableType}, in registries built from now on (SQLAlchemy's {@code associate_with}, which
     * affects mappings configured afterwards). Only attributes whose declared field type can hold a
     * {@code mutableType} are affected (a {@code Map} field for {@link MutableDict}).
     *
     * @return a handle whose {@link Association#close()} stops affecting registries built later
     */
    public static Association associateWith(Class<? extends Mutable> mutableType, Class<?> columnType) {
        return Association.register(mutableType, columnType);
    }

    /**
     * Makes the one attribute {@code attribute} of {@code mappedClass} (and of its mapped subclasses)
     * track values of {@code mutableType}: SQLAlchemy's {@code associate_with_attribute}, for an
     * attribute whose field keeps a plain type ({@code Map}, {@code List}, {@code Set}, {@code Object}).
     * As with {@link #associateWith}, registries built from now on are affected, those built before are
     * not.
     *
     * @return a handle whose {@link Association#close()} stops affecting registries built later
     * @throws IllegalArgumentException when the class has no such field ({@code ATHANOR-9006}) or the
     *                                  field cannot hold a {@code mutableType} ({@code ATHANOR-9005})
     */
    public static Association associateWithAttribute(Class<? extends Mutable> mutableType, Class<?> mappedClass,
                                                     String attribute) {
        return Association.registerAttribute(mutableType, mappedClass, attribute);
    }

    /**
     * Reports a change made in place: flags the attribute modified on every instance holding this
     * value (SQLAlchemy's {@code flag_modified}), and reports to every tracked value that contains
     * this one. Instances whose attribute no longer holds this value (reassigned or expired) are
     * forgotten instead.
     */
    public void changed() {
        ParentLinks links = parents;
        if (links != null) {
            for (Map.Entry<Object, String> link : links.snapshot()) {
                Object instance = link.getKey();
                String attribute = link.getValue();
                InstanceState state = Athanor.inspect(instance);
                if (state.attr(attribute).loadedValue() != this) {
                    links.remove(instance, attribute);
                } else {
                    Athanor.flagModified(instance, attribute);
                }
            }
        }
        Set<Mutable> outer = containers;
        if (outer != null) {
            List<Mutable> copy;
            synchronized (outer) {
                copy = new ArrayList<>(outer);
            }
            for (Mutable container : copy) {
                if (container.holds(this)) {
                    container.changed();
                } else {
                    synchronized (outer) {
                        outer.remove(container);
                    }
                }
            }
        }
    }

    /**
     * Makes {@code child}, when it is a {@code Mutable}, report its own changes to this value: call it
     * for every element a container type stores, so nested values the user wrapped are tracked.
     */
    protected final void trackChild(Object child) {
        if (child instanceof Mutable m && m != this) {
            Set<Mutable> set = m.containers;
            if (set == null) {
                synchronized (m) {
                    if (m.containers == null) {
                        m.containers = Collections.newSetFromMap(new IdentityHashMap<>());
                    }
                    set = m.containers;
                }
            }
            synchronized (set) {
                set.add(this);
            }
        }
    }

    /**
     * Whether this value still holds {@code child} (compared by identity): a child that was removed
     * stops reporting here. Containers override it; the default says yes.
     */
    protected boolean holds(Object child) {
        return true;
    }

    /** Links this value to an attribute of a mapped instance. */
    final void link(Object instance, String attribute) {
        ParentLinks links = parents;
        if (links == null) {
            synchronized (this) {
                if (parents == null) {
                    parents = new ParentLinks();
                }
                links = parents;
            }
        }
        links.add(instance, attribute);
    }

    /** Unlinks this value from an attribute of a mapped instance. */
    final void unlink(Object instance, String attribute) {
        ParentLinks links = parents;
        if (links != null) {
            links.remove(instance, attribute);
        }
    }

    /** The (instance, attribute) pairs this value reports to. */
    final List<Map.Entry<Object, String>> parents() {
        ParentLinks links = parents;
        return links == null ? List.of() : links.snapshot();
    }
}
