package io.athanor.weld.broken;

import io.athanor.cdi.Unit;
import io.athanor.ext.asyncio.AsyncSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Asks for the async session of a unit nobody configured. */
@ApplicationScoped
public class AsyncReportsUser {
    @Inject
    @Unit("reports")
    AsyncSession session;
}
