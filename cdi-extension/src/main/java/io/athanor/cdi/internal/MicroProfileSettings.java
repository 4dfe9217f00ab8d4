package io.athanor.cdi.internal;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** {@link Settings} read through MicroProfile Config; loaded only when its API is present. */
final class MicroProfileSettings implements Settings {
    private final Config config;

    private MicroProfileSettings(Config config) {
        this.config = config;
    }

    static Settings of(ClassLoader loader) {
        return new MicroProfileSettings(ConfigProvider.getConfig(loader));
    }

    @Override
    public Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class);
    }

    @Override
    public Iterable<String> names() {
        return config.getPropertyNames();
    }
}
