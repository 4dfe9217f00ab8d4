package io.athanor.reliability;

import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * A jqwik property that runs on one database: skipped when {@code athanor.test.databases} does not
 * select it (jqwik properties cannot use the Jupiter {@code @AllDatabases}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(OnDatabase.Selected.class)
public @interface OnDatabase {
    TestDatabase value();

    /** Skips the property when its database is not selected. */
    class Selected implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return context.findAnnotation(OnDatabase.class)
                    .filter(on -> !Databases.selected().contains(on.value()))
                    .map(on -> SkipResult.skip(on.value().id() + " is not in athanor.test.databases"))
                    .orElse(SkipResult.doNotSkip());
        }
    }
}
