package io.athanor.metamodel;

import java.util.List;
import java.util.Map;
import org.jooq.Field;

/**
 * A metamodel expression that is not a column but may still be the target of a bulk UPDATE's
 * {@code set(...)}: it stands for the column assignments it returns, as SQLAlchemy's hybrid
 * {@code update_expression} (its {@code _bulk_update_tuples}) does. {@code Update.set} expands it when
 * the statement is built, so the statement holds columns only.
 */
public interface AssignableExpression {

    /**
     * The (column, value) pairs that setting this expression to {@code value} stands for, in SET order.
     * A value may be a jOOQ expression; a key may itself be an {@code AssignableExpression}.
     *
     * @throws io.athanor.InvalidRequestException when the expression cannot be assigned
     */
    List<Map.Entry<Field<?>, Object>> assignments(Object value);
}
