/**
 * The contract between Athanor's build-time enhancer and its engine. A persistent field is a
 * non-static field declared by a class annotated {@code @Mapped} or {@code @Mixin} that is neither
 * {@code transient}, nor annotated {@code @Transient}, nor synthetic.
 */
package io.athanor.enhance;
