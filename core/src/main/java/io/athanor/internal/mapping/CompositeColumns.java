package io.athanor.internal.mapping;

import io.athanor.api.internal.Names;
import io.athanor.internal.messages.MappingMessages;
import io.athanor.internal.types.Codecs;
import io.athanor.internal.types.ColumnCodec;
import io.athanor.internal.types.ColumnSpec;
import io.athanor.mapping.Composite;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a {@code @Composite} field: one per component of its value class, named by
 * {@link Composite#columns()} or {@code <field>_<component>} in snake case, each nullable (a null
 * value stores NULL in all of them). They share the field's index; the last one stands for the
 * attribute (listeners, history).
 */
final class CompositeColumns {
    private final List<String> problems;

    CompositeColumns(List<String> problems) {
        this.problems = problems;
    }

    /** The columns, or an empty list after reporting why there can be none. */
    List<ColumnModel> columns(Class<?> owner, int index, Field field) {
        CompositeModel model;
        try {
            model = CompositeModel.of(field.getType());
        } catch (IllegalArgumentException e) {
            problems.add(MappingMessages.badComposite(owner, field.getName(), field.getType(), e.getMessage()));
            return List.of();
        }
        String[] names = field.getAnnotation(Composite.class).columns();
        if (names.length != 0 && names.length != model.size()) {
            problems.add(MappingMessages.compositeColumnCount(owner, field.getName(), model.size(), names.length));
            return List.of();
        }
        List<ColumnModel> columns = new ArrayList<>();
        for (int i = 0; i < model.size(); i++) {
            Class<?> type = model.componentType(i);
            ColumnCodec codec = Codecs.forJavaType(type);
            if (codec == null) {
                problems.add(MappingMessages.unsupportedComponent(owner, field.getName(), model.name(i), type));
                continue;
            }
            String name = names.length > 0 ? names[i]
                    : Names.snakeCase(field.getName()) + "_" + Names.snakeCase(model.name(i));
            ColumnModel c = new ColumnModel(index, field.getName(), name, type, codec, ColumnSpec.DEFAULT, false,
                    false, false, true, false, false, null, null);
            c.owner = owner;
            c.field = field;
            c.composite = model;
            c.component = i;
            columns.add(c);
        }
        return columns.size() == model.size() ? columns : List.of();
    }
}
