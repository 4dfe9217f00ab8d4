package io.athanor.servers.app;

import io.athanor.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;

/** What a bean saw: whether the request context was active, and which session (the instance behind the proxy). */
public record Observation(String where, boolean requestActive, String session) implements Serializable {

    public static Observation of(String where, Session session) {
        boolean active = CDI.current().getBeanManager().isNormalScope(RequestScoped.class)
                && isActive();
        return new Observation(where, active, active ? session.toString() : null);
    }

    private static boolean isActive() {
        try {
            return CDI.current().getBeanManager().getContext(RequestScoped.class).isActive();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
