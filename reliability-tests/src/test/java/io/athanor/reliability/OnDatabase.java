package io.athanor.reliability;

import io.athanor.testsupport.Databases;
import io.athanor.testsupport.TestDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test method that runs on one database: disabled when {@code athanor.test.databases} does not
 * select it. The property tests use it instead of {@code @AllDatabases} so that each database has
 * its own seeded run, budget and report.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnDatabase.Selected.class)
public @interface OnDatabase {
    TestDatabase value();

    /** Disables the test when its database is not selected. */
    class Selected implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getElement()
                    .flatMap(e -> AnnotationSupport.findAnnotation(e, OnDatabase.class))
                    .map(on -> Databases.selected().contains(on.value())
                            ? ConditionEvaluationResult.enabled(on.value().id() + " is selected")
                            : ConditionEvaluationResult.disabled(on.value().id() + " is not in athanor.test.databases"))
                    .orElse(ConditionEvaluationResult.enabled("no @OnDatabase"));
        }
    }
}
