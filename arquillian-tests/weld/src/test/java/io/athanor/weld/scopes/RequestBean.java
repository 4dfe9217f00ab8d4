package io.athanor.weld.scopes;

import io.athanor.Session;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean with the request's session. */
@RequestScoped
public class RequestBean {
    @Inject
    Session session;

    public Session session() {
        return session;
    }
}
