package dev.onair.runtime.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The one builder behind every configuration record's {@code with...} methods: it starts from a record's values,
 * changes some of them by component name, and builds the new record through its canonical constructor, so the
 * record's own checks run on every copy ({@code return RecordBuilder.from(this).set("dataDir", dir).build();}). The
 * copying and the constructor call are written here once instead of in a hand-written builder per record that lists
 * every component three times.
 *
 * @param <R> the record
 */
public final class RecordBuilder<R extends Record> {
    private final Class<?> type;
    private final RecordComponent[] components;
    private final Object[] values;

    /** A builder holding {@code from}'s values. */
    public static <R extends Record> RecordBuilder<R> from(R from) {
        return new RecordBuilder<>(from);
    }

    private RecordBuilder(R from) {
        type = from.getClass();
        components = type.getRecordComponents();
        values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(from);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i], e);
            }
        }
    }

    /**
     * Sets the component {@code name}; a name the record does not have, or a value of another type, is a mistake in
     * the calling record and fails at once.
     */
    public RecordBuilder<R> set(String name, Object value) {
        int i = indexOf(name);
        Class<?> wanted = boxed(components[i].getType());
        if (value == null ? components[i].getType().isPrimitive() : !wanted.isInstance(value)) {
            throw new IllegalStateException(type.getSimpleName() + "." + name + " is a " + wanted.getSimpleName()
                    + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        values[i] = value;
        return this;
    }

    /** The record with the values set so far; its constructor's {@link IllegalArgumentException} comes through. */
    @SuppressWarnings("unchecked")
    public R build() {
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return (R) canonical.newInstance(values.clone());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private int indexOf(String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no component '" + name + "'");
    }

    private static Class<?> boxed(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return java.lang.invoke.MethodType.methodType(t).wrap().returnType();
    }
}
