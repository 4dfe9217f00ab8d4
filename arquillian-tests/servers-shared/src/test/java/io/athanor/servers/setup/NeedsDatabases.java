package io.athanor.servers.setup;

import io.athanor.servers.support.Server;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Skips a test class, in the client JVM and before its deployment, when a database it needs is missing
 * (or PostgreSQL can't do two-phase commit), or when it runs on a server it is not for. Inside the server
 * the class was deployed, so it runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(NeedsDatabases.Condition.class)
public @interface NeedsDatabases {
    boolean postgresql() default false;

    /** PostgreSQL with max_prepared_transactions above 0. */
    boolean twoPhase() default false;

    boolean mariadb() default false;

    /** The servers the class runs on; all when empty. */
    String[] servers() default {};

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Server server = Server.current();
            NeedsDatabases needs = context.getTestClass()
                    .flatMap(c -> AnnotationSupport.findAnnotation(c, NeedsDatabases.class)).orElse(null);
            if (server == null || needs == null) {
                return ConditionEvaluationResult.enabled("in the server");
            }
            List<String> missing = new ArrayList<>();
            if (needs.servers().length > 0 && Arrays.stream(needs.servers()).noneMatch(s -> s.equalsIgnoreCase(server.name()))) {
                missing.add("runs on " + String.join(", ", needs.servers()) + " only");
            }
            if (needs.postgresql() || needs.twoPhase()) {
                TestDatabases.Database pg = TestDatabases.postgresql();
                if (!pg.available()) {
                    missing.add(pg.describe());
                } else if (needs.twoPhase() && pg.maxPreparedTransactions <= 0) {
                    missing.add("PostgreSQL at " + pg.host + ":" + pg.port + " has max_prepared_transactions = "
                            + pg.maxPreparedTransactions + ", so it can't prepare an XA branch (two-phase commit); "
                            + "CI sets it to 20 (.ci/run); -Dathanor.servers.postgresql=host:port points to another server");
                }
            }
            if (needs.mariadb()) {
                TestDatabases.Database maria = TestDatabases.mariadb();
                if (!maria.available()) {
                    missing.add(maria.describe());
                }
            }
            return missing.isEmpty() ? ConditionEvaluationResult.enabled("databases available")
                    : ConditionEvaluationResult.disabled("skipped: " + String.join("; ", missing));
        }
    }
}
