package io.athanor.enhancer;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;

/**
 * Athanor's build-time enhancer, a Byte Buddy build plugin (run by {@code byte-buddy-maven-plugin},
 * see the module's README). It makes every {@code @Mapped} and {@code @Mixin} class implement
 * {@link io.athanor.enhance.Enhanced} and routes every read and write of a persistent field, in any
 * processed class, through the instance's {@link io.athanor.enhance.AttributeInterceptor}: this is how
 * the engine sees attribute changes and loads lazy or expired attributes without proxies.
 *
 * <p>Before transforming, the plugin scans each class file of the build for persistent-field accesses;
 * it transforms only entities not enhanced yet and classes with such accesses, so other classes and
 * already enhanced ones come out unchanged.
 */
public class AthanorPlugin implements Plugin.WithPreprocessor {

    private final Set<String> accessing = ConcurrentHashMap.newKeySet();
    private ClassFileLocator scannedWith;
    private TypePool scanPool;

    @Override
    public void onPreprocess(TypeDescription typeDescription, ClassFileLocator classFileLocator) {
        if (PersistentFields.isEntity(typeDescription) && PersistentFields.isEnhanced(typeDescription)) {
            return;
        }
        try {
            byte[] classFile = classFileLocator.locate(typeDescription.getName()).resolve();
            if (FieldAccessRewriter.touchesPersistentField(classFile, pool(classFileLocator))) {
                accessing.add(typeDescription.getName());
            }
        } catch (IOException exception) {
            throw new IllegalStateException("Cannot read the class file of " + typeDescription.getName(), exception);
        }
    }

    @Override
    public boolean matches(TypeDescription target) {
        return PersistentFields.isEntity(target) && !PersistentFields.isEnhanced(target)
                || accessing.contains(target.getName());
    }

    @Override
    public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription typeDescription,
            ClassFileLocator classFileLocator) {
        builder = builder.visit(FieldAccessRewriter.INSTANCE);
        if (PersistentFields.isEntity(typeDescription) && !PersistentFields.isEnhanced(typeDescription)) {
            builder = EntityEnhancer.enhance(builder, typeDescription);
        }
        return builder;
    }

    private synchronized TypePool pool(ClassFileLocator classFileLocator) {
        if (scannedWith != classFileLocator) {
            scannedWith = classFileLocator;
            scanPool = TypePool.Default.WithLazyResolution.of(classFileLocator);
        }
        return scanPool;
    }

    @Override
    public synchronized void close() {
        accessing.clear();
        scannedWith = null;
        scanPool = null;
    }
}
