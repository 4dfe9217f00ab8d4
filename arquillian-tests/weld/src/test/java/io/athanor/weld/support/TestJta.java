package io.athanor.weld.support;

import io.athanor.jta.NarayanaSe;
import java.nio.file.Path;

/** Narayana for this JVM: object store under target/, a fixed node identifier, no recovery. */
public final class TestJta {
    private TestJta() {
    }

    public static void init() {
        NarayanaSe.configure(Path.of("target", "narayana"), "athanor-weld-tests", false);
    }
}
