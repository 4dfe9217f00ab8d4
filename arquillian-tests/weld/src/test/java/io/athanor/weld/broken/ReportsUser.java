package io.athanor.weld.broken;

import io.athanor.Session;
import io.athanor.cdi.Unit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Asks for a unit nobody configured. */
@ApplicationScoped
public class ReportsUser {
    @Inject
    @Unit("reports")
    Session session;
}
