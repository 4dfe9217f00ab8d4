package io.athanor.ext.associationproxy;

import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;

/**
 * Reads and writes an enhanced instance's persistent field exactly as the enhanced code does: a read
 * tells the instance state first (which loads a lazy or expired attribute), a write tells it after
 * (which records history, back-populates and cascades).
 */
final class Fields {
    private Fields() {
    }

    static Object read(Object instance, int index) {
        Enhanced e = (Enhanced) instance;
        AttributeInterceptor interceptor = e.$athanor$interceptor();
        if (interceptor != null) {
            interceptor.beforeRead(e, index);
        }
        return e.$athanor$get(index);
    }

    static void write(Object instance, int index, Object value) {
        Enhanced e = (Enhanced) instance;
        Object old = e.$athanor$get(index);
        e.$athanor$set(index, value);
        AttributeInterceptor interceptor = e.$athanor$interceptor();
        if (interceptor != null) {
            interceptor.afterWrite(e, index, old, value);
        }
    }
}
