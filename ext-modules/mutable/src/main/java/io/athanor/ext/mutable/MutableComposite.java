package io.athanor.ext.mutable;

import java.io.Serial;

/**
 * A base for {@code @Composite} value classes whose fields change in place: SQLAlchemy's
 * {@code MutableComposite}. Call {@link #changed()} from every setter; the composite attribute of
 * every instance holding the value is then flagged modified, and the flush writes the composite's
 * columns. A field declared with a {@code MutableComposite} subclass is tracked without further
 * configuration.
 * <pre>{@code
 * public class Point extends MutableComposite {
 *     private int x;
 *     private int y;
 *     public Point() { }
 *     public Point(int x, int y) { this.x = x; this.y = y; }
 *     public int x() { return x; }
 *     public void setX(int x) { this.x = x; changed(); }
 *     ...
 * }
 * }</pre>
 * Athanor builds values from their columns through the fields directly (never the setters), so
 * loading reports no change.
 */
public abstract class MutableComposite extends Mutable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** For subclasses: a no-argument constructor is what the composite mapping needs. */
    protected MutableComposite() {
    }
}
