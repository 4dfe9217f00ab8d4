package io.athanor.ext.mutable;

/** A user-written mutable type: a counter stored as JSON, coerced from a number. */
public class Tally extends Mutable {
    private static final long serialVersionUID = 1L;

    private int count;

    public Tally() {
    }

    public Tally(int count) {
        this.count = count;
    }

    public static Tally coerce(String key, Object value) {
        if (value == null || value instanceof Tally) {
            return (Tally) value;
        }
        if (value instanceof Number n) {
            return new Tally(n.intValue());
        }
        throw new IllegalArgumentException("a tally counts numbers, not " + value.getClass().getSimpleName());
    }

    public int getCount() {
        return count;
    }

    public void setCount(int count) {
        this.count = count;
        changed();
    }

    public void increment() {
        count++;
        changed();
    }
}
