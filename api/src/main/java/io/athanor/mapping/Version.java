package io.athanor.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code int}/{@code long} version counter for optimistic locking (SQLAlchemy's
 * {@code version_id_col}): every UPDATE and DELETE checks it and bumps it; a row changed by someone
 * else raises {@link io.athanor.StaleDataException}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
