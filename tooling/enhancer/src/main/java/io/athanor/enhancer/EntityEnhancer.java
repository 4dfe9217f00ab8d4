package io.athanor.enhancer;

import io.athanor.enhance.AttributeInterceptor;
import io.athanor.enhance.Enhanced;
import io.athanor.enhance.EnhancedFields;
import java.util.List;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.modifier.FieldManifestation;
import net.bytebuddy.description.modifier.FieldPersistence;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Transformer;
import net.bytebuddy.implementation.FieldAccessor;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * Adds the members of the enhancement contract to one {@code @Mapped} or {@code @Mixin} class: the
 * {@link EnhancedFields} annotation, the {@link Enhanced} interface with the interceptor field (on the
 * outermost entity of a hierarchy only), the raw {@code $athanor$get}/{@code $athanor$set} and a read
 * and a write method per own persistent field. Persistent fields lose {@code final}, since the write
 * methods and {@code $athanor$set} assign them outside constructors.
 */
final class EntityEnhancer {

    private EntityEnhancer() {
    }

    static DynamicType.Builder<?> enhance(DynamicType.Builder<?> builder, TypeDescription type) {
        List<FieldDescription.InDefinedShape> fields = PersistentFields.declaredBy(type);
        int base = PersistentFields.baseIndex(type);
        boolean root = !PersistentFields.hasEntityAncestor(type);
        String[] names = new String[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).getName();
            FieldDescription.InDefinedShape hidden = PersistentFields.inheritedNamed(type, names[i]);
            if (hidden != null) {
                throw new IllegalStateException("Persistent field " + type.getName() + "." + names[i]
                        + " hides persistent field " + hidden.getDeclaringType().getTypeName() + "." + names[i]
                        + "; rename one of them or mark it @Transient");
            }
        }
        builder = builder.annotateType(AnnotationDescription.Builder.ofType(EnhancedFields.class)
                .defineArray("value", names).build());
        if (root) {
            builder = builder.implement(Enhanced.class)
                    .defineField(PersistentFields.INTERCEPTOR, AttributeInterceptor.class,
                            Visibility.PRIVATE, FieldPersistence.TRANSIENT)
                    .defineMethod(PersistentFields.INTERCEPTOR, AttributeInterceptor.class, Visibility.PUBLIC)
                    .intercept(FieldAccessor.ofField(PersistentFields.INTERCEPTOR))
                    .defineMethod(PersistentFields.INTERCEPTOR, void.class, Visibility.PUBLIC)
                    .withParameters(AttributeInterceptor.class)
                    .intercept(FieldAccessor.ofField(PersistentFields.INTERCEPTOR));
        }
        builder = builder
                .defineMethod(PersistentFields.GET, Object.class, Visibility.PUBLIC)
                .withParameters(int.class)
                .intercept(AccessorCode.get(fields, base, root))
                .defineMethod(PersistentFields.SET, void.class, Visibility.PUBLIC)
                .withParameters(int.class, Object.class)
                .intercept(AccessorCode.set(fields, base, root));
        for (int i = 0; i < fields.size(); i++) {
            FieldDescription.InDefinedShape field = fields.get(i);
            TypeDescription fieldType = field.getType().asErasure();
            builder = builder
                    .defineMethod(PersistentFields.READ + field.getName(), fieldType, Visibility.PUBLIC)
                    .intercept(AccessorCode.read(field, base + i, root))
                    .defineMethod(PersistentFields.WRITE + field.getName(), void.class, Visibility.PUBLIC)
                    .withParameters(fieldType)
                    .intercept(AccessorCode.write(field, base + i, root));
            if (field.isFinal()) {
                builder = builder.field(ElementMatchers.named(field.getName()))
                        .transform(Transformer.ForField.withModifiers(FieldManifestation.PLAIN));
            }
        }
        if (type.getDeclaredAnnotations().isAnnotationPresent(io.athanor.mapping.Mapped.class)) {
            builder = builder.visit(Advice.to(ConstructorAdvice.class).on(ElementMatchers.isConstructor()));
        }
        return builder;
    }
}
