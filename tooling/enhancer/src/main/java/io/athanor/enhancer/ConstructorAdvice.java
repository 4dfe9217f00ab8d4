package io.athanor.enhancer;

import io.athanor.enhance.Interceptors;
import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of every constructor of a {@code @Mapped} class: hands the new instance to the
 * engine, which attaches its state at once, so that relationship changes on a brand-new object
 * (appending to a collection, setting a many-to-one) update the other side before any session sees it.
 */
final class ConstructorAdvice {
    private ConstructorAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.This Object self) {
        Interceptors.attach(self);
    }
}
