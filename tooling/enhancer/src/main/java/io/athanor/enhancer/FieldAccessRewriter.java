package io.athanor.enhancer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.field.FieldList;
import net.bytebuddy.description.method.MethodList;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Replaces every {@code GETFIELD}/{@code PUTFIELD} of a persistent field by a call of the field's
 * {@code $athanor$read$f}/{@code $athanor$write$f} method, so that the interceptor sees each access.
 * Methods named with the {@code $athanor$} prefix keep raw access (they are the accessors), and so do
 * field writes in a constructor before its {@code super(...)}/{@code this(...)} call, where the
 * uninitialized {@code this} cannot be passed to a method.
 */
final class FieldAccessRewriter extends AsmVisitorWrapper.AbstractBase {

    static final FieldAccessRewriter INSTANCE = new FieldAccessRewriter();

    private FieldAccessRewriter() {
    }

    @Override
    public ClassVisitor wrap(TypeDescription instrumentedType, ClassVisitor classVisitor,
            Implementation.Context implementationContext, TypePool typePool,
            FieldList<FieldDescription.InDefinedShape> fields, MethodList<?> methods,
            int writerFlags, int readerFlags) {
        return new RewritingClassVisitor(classVisitor, new Resolver(typePool), null);
    }

    /** Whether the class file touches a persistent field anywhere the rewriter would replace it. */
    static boolean touchesPersistentField(byte[] classFile, TypePool typePool) {
        boolean[] found = new boolean[1];
        ClassReader reader = OpenedClassReader.of(classFile);
        reader.accept(new RewritingClassVisitor(null, new Resolver(typePool), () -> found[0] = true),
                ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }

    /** Caches which field instructions address persistent fields. */
    private static final class Resolver {
        private final TypePool typePool;
        private final Map<String, Optional<FieldDescription.InDefinedShape>> cache = new HashMap<>();

        Resolver(TypePool typePool) {
            this.typePool = typePool;
        }

        FieldDescription.InDefinedShape resolve(String owner, String name, String descriptor) {
            return cache.computeIfAbsent(owner + '#' + name + '#' + descriptor, key ->
                    Optional.ofNullable(PersistentFields.resolve(typePool, owner, name, descriptor))).orElse(null);
        }
    }

    private static final class RewritingClassVisitor extends ClassVisitor {
        private final Resolver resolver;
        private final Runnable onHit;

        /** {@code onHit} non-null means scan only: report a replaceable access instead of writing code. */
        RewritingClassVisitor(ClassVisitor next, Resolver resolver, Runnable onHit) {
            super(OpenedClassReader.ASM_API, next);
            this.resolver = resolver;
            this.onHit = onHit;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if (name.startsWith(PersistentFields.PREFIX) || (next == null && onHit == null)) {
                return next;
            }
            return new RewritingMethodVisitor(next, resolver, onHit, name.equals("<init>"));
        }
    }

    private static final class RewritingMethodVisitor extends MethodVisitor {
        private final Resolver resolver;
        private final Runnable onHit;
        /** In a constructor: pending {@code NEW}s, and whether {@code this} is initialized yet. */
        private int pendingNews;
        private boolean thisInitialized;

        RewritingMethodVisitor(MethodVisitor next, Resolver resolver, Runnable onHit, boolean constructor) {
            super(OpenedClassReader.ASM_API, next);
            this.resolver = resolver;
            this.onHit = onHit;
            this.thisInitialized = !constructor;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW) {
                pendingNews++;
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && !thisInitialized) {
                if (pendingNews > 0) {
                    pendingNews--;
                } else {
                    thisInitialized = true;
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            boolean instance = opcode == Opcodes.GETFIELD || opcode == Opcodes.PUTFIELD;
            boolean earlyWrite = opcode == Opcodes.PUTFIELD && !thisInitialized;
            if (!instance || earlyWrite || resolver.resolve(owner, name, descriptor) == null) {
                super.visitFieldInsn(opcode, owner, name, descriptor);
            } else if (onHit != null) {
                onHit.run();
            } else if (opcode == Opcodes.GETFIELD) {
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, PersistentFields.READ + name,
                        "()" + descriptor, false);
            } else {
                super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, PersistentFields.WRITE + name,
                        "(" + descriptor + ")V", false);
            }
        }
    }
}
