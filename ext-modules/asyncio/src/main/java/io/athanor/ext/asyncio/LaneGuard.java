package io.athanor.ext.asyncio;

import io.athanor.LazyLoadNotAllowedException;
import io.athanor.core.spi.LoadingGuard;

/** Allows attribute loads only on the session's lane; anywhere else they would run JDBC on the caller's thread. */
final class LaneGuard implements LoadingGuard {
    private final Lane lane;

    LaneGuard(Lane lane) {
        this.lane = lane;
    }

    @Override
    public void beforeLoad(Object instance, String attribute) {
        if (!lane.isCurrent()) {
            throw new LazyLoadNotAllowedException(Messages.lazyLoad(instance, attribute));
        }
    }
}
