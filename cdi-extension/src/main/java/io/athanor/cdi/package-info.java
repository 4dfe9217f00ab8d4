/**
 * Athanor in CDI: the portable extension {@link io.athanor.cdi.AthanorExtension}, the
 * {@link io.athanor.cdi.Unit} qualifier and the {@link io.athanor.cdi.SubTransaction} interceptor
 * binding.
 */
package io.athanor.cdi;
