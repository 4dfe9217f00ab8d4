package io.athanor.ext.hybrid.model;

import io.athanor.ext.hybrid.HybridMethod;
import io.athanor.ext.hybrid.HybridProperty;
import io.athanor.ext.hybrid.HybridUpdateExpression;
import io.athanor.mapping.Id;
import io.athanor.mapping.Mapped;
import java.util.Map;
import org.jooq.Field;

/** SQLAlchemy's Interval example: hybrids in bulk UPDATEs, and a derived hybrid method. */
@Mapped(table = "hy_span")
public class Span {
    @Id
    public Long id;
    public int start;
    public int finish;

    protected Span() {
    }

    public Span(int start, int finish) {
        this.start = start;
        this.finish = finish;
    }

    /** Derived; its update expression moves the end, as SQLAlchemy's documented length does. */
    @HybridProperty
    public int getLength() {
        return finish - start;
    }

    public void setLength(int length) {
        finish = start + length;
    }

    @HybridUpdateExpression("length")
    static Map<Field<?>, Object> lengthUpdate(Field<Integer> value) {
        return Map.of(Span_.finish, Span_.start.plus(value));
    }

    /** Derived to the column itself: assignable in an UPDATE without an update expression. */
    @HybridProperty
    public int getBegin() {
        return start;
    }

    /** Derived hybrid method: its parameter becomes a field in the metamodel. */
    @HybridMethod
    public boolean covers(int point) {
        return start <= point && point < finish;
    }

    /** Derived hybrid method over a nullable parameter, guarded as Java needs it. */
    @HybridMethod
    public boolean longerThan(Integer other) {
        return other != null && finish - start > other;
    }
}
