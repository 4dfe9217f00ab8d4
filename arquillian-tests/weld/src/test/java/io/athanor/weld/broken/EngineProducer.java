package io.athanor.weld.broken;

import io.athanor.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** A user engine, in conflict with athanor.datasource. */
@ApplicationScoped
public class EngineProducer {
    @Produces
    @ApplicationScoped
    Engine engine() {
        throw new UnsupportedOperationException("never created: the deployment fails first");
    }
}
