package io.athanor.testsupport;

import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a top-level test class by its fully qualified name, so surefire's reports, which show
 * display names for {@link AllDatabases} tests, keep the package: {@code io.athanor.FooTest [h2]}.
 */
public class QualifiedClassNames extends DisplayNameGenerator.Standard {

    /** Used by JUnit. */
    public QualifiedClassNames() {
    }

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return testClass.getName();
    }
}
