/**
 * The {@code @SubTransaction} interceptor. Not vetoed (Weld ignores vetoed interceptors); the
 * extension registers it and vetoes any copy that scanning discovers.
 */
package io.athanor.cdi.interceptor;
