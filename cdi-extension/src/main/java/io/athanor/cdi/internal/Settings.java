package io.athanor.cdi.internal;

import java.util.List;
import java.util.Optional;

/** The deployment's configuration: MicroProfile Config when the deployment has it, else none. */
public interface Settings {

    /** The value of {@code key}, if set. */
    Optional<String> value(String key);

    /** Every property name, for the {@code athanor.} keys. */
    Iterable<String> names();

    /** MicroProfile Config seen from {@code loader} when an implementation is present; otherwise nothing is set. */
    static Settings of(ClassLoader loader) {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false, loader);
            return MicroProfileSettings.of(loader);
        } catch (ClassNotFoundException | LinkageError | IllegalStateException e) {
            return NONE;
        }
    }

    /** No configuration. */
    Settings NONE = new Settings() {
        @Override
        public Optional<String> value(String key) {
            return Optional.empty();
        }

        @Override
        public Iterable<String> names() {
            return List.of();
        }
    };
}
