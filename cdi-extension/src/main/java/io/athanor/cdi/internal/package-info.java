/** The extension's implementation; vetoed, so that scanning the jar makes no stray beans. */
@Vetoed
package io.athanor.cdi.internal;

import jakarta.enterprise.inject.Vetoed;
