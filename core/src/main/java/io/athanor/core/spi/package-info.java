/**
 * Hooks that {@code athanor-core} offers to extension modules (the async session's {@link LoadingGuard}, the
 * association proxy's {@link MappedAttributes}), so that extensions never reach into {@code io.athanor.internal}.
 * The SPI types every implementation shares live in api's {@code io.athanor.spi}; these are core's own, and the
 * package name says so: no package is split between the api and core jars.
 */
package io.athanor.core.spi;
