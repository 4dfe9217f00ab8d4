package io.athanor.weld.scopes;

import io.athanor.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An application-scoped bean: its session is a proxy to the current request's. */
@ApplicationScoped
public class AppBean {
    @Inject
    Session session;

    public Session session() {
        return session;
    }
}
