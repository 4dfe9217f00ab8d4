package io.athanor.enhancer;

import io.athanor.enhance.AttributeInterceptor;
import java.util.Arrays;
import java.util.List;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.implementation.bytecode.ByteCodeAppender;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The bytecode of the members the enhancer adds to an entity: the intercepted read and write method
 * of a field and the raw {@code $athanor$get}/{@code $athanor$set} switches. Written with ASM directly
 * so that the code is exactly the contract's, with no reflection and no helper classes.
 */
final class AccessorCode implements Opcodes {

    private static final String INTERCEPTOR_TYPE = Type.getInternalName(AttributeInterceptor.class);
    private static final String INTERCEPTOR_DESCRIPTOR = Type.getDescriptor(AttributeInterceptor.class);
    private static final TypeDescription INTERCEPTOR = TypeDescription.ForLoadedType.of(AttributeInterceptor.class);
    private static final TypeDescription INT = TypeDescription.ForLoadedType.of(int.class);
    private static final TypeDescription OBJECT = TypeDescription.ForLoadedType.of(Object.class);

    private AccessorCode() {
    }

    /** {@code T $athanor$read$f()}: notify {@code beforeRead}, then return the field. */
    static Implementation read(FieldDescription.InDefinedShape field, int index, boolean root) {
        return new Implementation.Simple((ByteCodeAppender) (mv, context, method) -> {
            TypeDescription self = self(method);
            Type type = Type.getType(field.getDescriptor());
            loadInterceptor(mv, self, root);
            mv.visitVarInsn(ASTORE, 1);
            mv.visitVarInsn(ALOAD, 1);
            Label done = new Label();
            mv.visitJumpInsn(IFNULL, done);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(ALOAD, 0);
            pushInt(mv, index);
            mv.visitMethodInsn(INVOKEINTERFACE, INTERCEPTOR_TYPE, "beforeRead",
                    "(Lio/athanor/enhance/Enhanced;I)V", true);
            mv.visitLabel(done);
            context.getFrameGeneration().append(mv, List.of(INTERCEPTOR), List.of(self));
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, self.getInternalName(), field.getName(), field.getDescriptor());
            mv.visitInsn(type.getOpcode(IRETURN));
            return new ByteCodeAppender.Size(Math.max(3, type.getSize()), 2);
        });
    }

    /** {@code void $athanor$write$f(T v)}: assign, then notify {@code afterWrite} with old and new value. */
    static Implementation write(FieldDescription.InDefinedShape field, int index, boolean root) {
        return new Implementation.Simple((ByteCodeAppender) (mv, context, method) -> {
            TypeDescription self = self(method);
            TypeDescription fieldType = field.getType().asErasure();
            Type type = Type.getType(field.getDescriptor());
            int size = type.getSize();
            int old = 1 + size;
            int interceptor = 1 + 2 * size;
            String owner = self.getInternalName();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, owner, field.getName(), field.getDescriptor());
            mv.visitVarInsn(type.getOpcode(ISTORE), old);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(type.getOpcode(ILOAD), 1);
            mv.visitFieldInsn(PUTFIELD, owner, field.getName(), field.getDescriptor());
            loadInterceptor(mv, self, root);
            mv.visitVarInsn(ASTORE, interceptor);
            mv.visitVarInsn(ALOAD, interceptor);
            Label done = new Label();
            mv.visitJumpInsn(IFNULL, done);
            mv.visitVarInsn(ALOAD, interceptor);
            mv.visitVarInsn(ALOAD, 0);
            pushInt(mv, index);
            mv.visitVarInsn(type.getOpcode(ILOAD), old);
            box(mv, type);
            mv.visitVarInsn(type.getOpcode(ILOAD), 1);
            box(mv, type);
            mv.visitMethodInsn(INVOKEINTERFACE, INTERCEPTOR_TYPE, "afterWrite",
                    "(Lio/athanor/enhance/Enhanced;ILjava/lang/Object;Ljava/lang/Object;)V", true);
            mv.visitLabel(done);
            context.getFrameGeneration().append(mv, List.of(fieldType, INTERCEPTOR), List.of(self, fieldType));
            mv.visitInsn(RETURN);
            return new ByteCodeAppender.Size(4 + size, interceptor + 1);
        });
    }

    /** {@code Object $athanor$get(int)}: a switch over the own fields' global indexes, else super or throw. */
    static Implementation get(List<FieldDescription.InDefinedShape> fields, int base, boolean root) {
        return new Implementation.Simple((ByteCodeAppender) (mv, context, method) -> {
            TypeDescription self = self(method);
            List<TypeDefinition> locals = List.of(self, INT);
            Label[] labels = switchOnIndex(mv, fields.size(), base);
            for (int i = 0; i < fields.size(); i++) {
                FieldDescription.InDefinedShape field = fields.get(i);
                mv.visitLabel(labels[i]);
                context.getFrameGeneration().same(mv, locals);
                mv.visitVarInsn(ALOAD, 0);
                mv.visitFieldInsn(GETFIELD, self.getInternalName(), field.getName(), field.getDescriptor());
                box(mv, Type.getType(field.getDescriptor()));
                mv.visitInsn(ARETURN);
            }
            otherwise(mv, context, method, labels, locals, root);
            return new ByteCodeAppender.Size(3, 2);
        });
    }

    /** {@code void $athanor$set(int, Object)}: like {@link #get}; {@code null} sets a primitive to zero. */
    static Implementation set(List<FieldDescription.InDefinedShape> fields, int base, boolean root) {
        return new Implementation.Simple((ByteCodeAppender) (mv, context, method) -> {
            TypeDescription self = self(method);
            List<TypeDefinition> locals = List.of(self, INT, OBJECT);
            Label[] labels = switchOnIndex(mv, fields.size(), base);
            for (int i = 0; i < fields.size(); i++) {
                FieldDescription.InDefinedShape field = fields.get(i);
                Type type = Type.getType(field.getDescriptor());
                mv.visitLabel(labels[i]);
                context.getFrameGeneration().same(mv, locals);
                if (type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE) {
                    Label present = new Label();
                    mv.visitVarInsn(ALOAD, 2);
                    mv.visitJumpInsn(IFNONNULL, present);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitInsn(zero(type));
                    mv.visitFieldInsn(PUTFIELD, self.getInternalName(), field.getName(), field.getDescriptor());
                    mv.visitInsn(RETURN);
                    mv.visitLabel(present);
                    context.getFrameGeneration().same(mv, locals);
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitVarInsn(ALOAD, 2);
                    mv.visitTypeInsn(CHECKCAST, wrapper(type));
                    mv.visitMethodInsn(INVOKEVIRTUAL, wrapper(type), type.getClassName() + "Value",
                            "()" + type.getDescriptor(), false);
                } else {
                    mv.visitVarInsn(ALOAD, 0);
                    mv.visitVarInsn(ALOAD, 2);
                    if (!type.getInternalName().equals("java/lang/Object")) {
                        mv.visitTypeInsn(CHECKCAST, type.getInternalName());
                    }
                }
                mv.visitFieldInsn(PUTFIELD, self.getInternalName(), field.getName(), field.getDescriptor());
                mv.visitInsn(RETURN);
            }
            otherwise(mv, context, method, labels, locals, root);
            return new ByteCodeAppender.Size(4, 3);
        });
    }

    /** Emits {@code switch (index)} over the own indexes; returns the case labels, the default one last. */
    private static Label[] switchOnIndex(MethodVisitor mv, int count, int base) {
        Label[] labels = new Label[count + 1];
        for (int i = 0; i <= count; i++) {
            labels[i] = new Label();
        }
        if (count > 0) {
            mv.visitVarInsn(ILOAD, 1);
            mv.visitTableSwitchInsn(base, base + count - 1, labels[count], Arrays.copyOf(labels, count));
        }
        return labels;
    }

    /** The default case: delegate to the superclass's method, or throw if this is the outermost entity. */
    private static void otherwise(MethodVisitor mv, Implementation.Context context, MethodDescription method,
            Label[] labels, List<TypeDefinition> locals, boolean root) {
        if (labels.length > 1) {
            mv.visitLabel(labels[labels.length - 1]);
            context.getFrameGeneration().same(mv, locals);
        }
        if (root) {
            String exception = Type.getInternalName(IndexOutOfBoundsException.class);
            mv.visitTypeInsn(NEW, exception);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitMethodInsn(INVOKESPECIAL, exception, "<init>", "(I)V", false);
            mv.visitInsn(ATHROW);
        } else {
            mv.visitVarInsn(ALOAD, 0);
            for (int slot = 1; slot < locals.size(); slot++) {
                mv.visitVarInsn(slot == 1 ? ILOAD : ALOAD, slot);
            }
            String superClass = self(method).getSuperClass().asErasure().getInternalName();
            mv.visitMethodInsn(INVOKESPECIAL, superClass, method.getInternalName(), method.getDescriptor(), false);
            mv.visitInsn(Type.getReturnType(method.getDescriptor()).getOpcode(IRETURN));
        }
    }

    private static int zero(Type primitive) {
        switch (primitive.getSort()) {
            case Type.LONG: return LCONST_0;
            case Type.FLOAT: return FCONST_0;
            case Type.DOUBLE: return DCONST_0;
            default: return ICONST_0;
        }
    }

    private static TypeDescription self(MethodDescription method) {
        return method.getDeclaringType().asErasure();
    }

    private static void loadInterceptor(MethodVisitor mv, TypeDescription self, boolean root) {
        mv.visitVarInsn(ALOAD, 0);
        if (root) {
            mv.visitFieldInsn(GETFIELD, self.getInternalName(), PersistentFields.INTERCEPTOR, INTERCEPTOR_DESCRIPTOR);
        } else {
            mv.visitMethodInsn(INVOKEVIRTUAL, self.getInternalName(), PersistentFields.INTERCEPTOR,
                    "()" + INTERCEPTOR_DESCRIPTOR, false);
        }
    }

    static void pushInt(MethodVisitor mv, int value) {
        if (value >= -1 && value <= 5) {
            mv.visitInsn(ICONST_0 + value);
        } else if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
            mv.visitIntInsn(BIPUSH, value);
        } else if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
            mv.visitIntInsn(SIPUSH, value);
        } else {
            mv.visitLdcInsn(value);
        }
    }

    private static void box(MethodVisitor mv, Type type) {
        if (type.getSort() >= Type.BOOLEAN && type.getSort() <= Type.DOUBLE) {
            String wrapper = wrapper(type);
            mv.visitMethodInsn(INVOKESTATIC, wrapper, "valueOf", "(" + type.getDescriptor() + ")L" + wrapper + ";", false);
        }
    }

    private static String wrapper(Type primitive) {
        switch (primitive.getSort()) {
            case Type.BOOLEAN: return "java/lang/Boolean";
            case Type.CHAR: return "java/lang/Character";
            case Type.BYTE: return "java/lang/Byte";
            case Type.SHORT: return "java/lang/Short";
            case Type.INT: return "java/lang/Integer";
            case Type.FLOAT: return "java/lang/Float";
            case Type.LONG: return "java/lang/Long";
            case Type.DOUBLE: return "java/lang/Double";
            default: throw new IllegalArgumentException("Not a primitive: " + primitive);
        }
    }
}
