package dev.onair.runtime.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * The one builder behind every configuration record's {@code toBuilder()}: it starts from a record's values, changes
 * some of them by component name, and builds the new record through its canonical constructor, so the record's own
 * checks run on every copy. A record's {@code Builder} extends it with one typed setter per component
 * ({@code return set("dataDir", value);}); the copying, the fields and the constructor call are written here once
 * instead of listing every component three times per record.
 *
 * @param <R> the record
 * @param <B> the record's builder, returned by {@link #set} so that setters chain
 */
public abstract class RecordBuilder<R extends Record, B extends RecordBuilder<R, B>> {
    private final Class<?> type;
    private final RecordComponent[] components;
    private final Object[] values;

    protected RecordBuilder(R from) {
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
     * the calling builder and fails at once.
     */
    @SuppressWarnings("unchecked")
    protected final B set(String name, Object value) {
        int i = indexOf(name);
        Class<?> wanted = boxed(components[i].getType());
        if (value == null ? components[i].getType().isPrimitive() : !wanted.isInstance(value)) {
            throw new IllegalStateException(type.getSimpleName() + "." + name + " is a " + wanted.getSimpleName()
                    + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        values[i] = value;
        return (B) this;
    }

    /** The record with the values set so far; its constructor's {@link IllegalArgumentException} comes through. */
    @SuppressWarnings("unchecked")
    public final R build() {
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
