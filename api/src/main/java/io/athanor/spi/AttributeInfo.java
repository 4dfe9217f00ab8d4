package io.athanor.spi;

import java.lang.reflect.Field;
import java.lang.reflect.Type;

/** A mapped column attribute, as extensions see it. */
public interface AttributeInfo {
    /** The mapped class. */
    Class<?> mappedClass();

    /** The attribute (field) name. */
    String name();

    /** The field's declared type, with its type arguments. */
    Type genericType();

    /** The field's class. */
    Class<?> javaType();

    /** The class given in {@code @Column(type = ...)}, or {@code null} when none was. */
    Class<?> columnType();

    /** The field itself, for reading its annotations. */
    Field field();
}
