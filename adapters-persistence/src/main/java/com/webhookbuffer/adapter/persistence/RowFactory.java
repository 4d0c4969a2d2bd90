package com.webhookbuffer.adapter.persistence;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Builds the package's row records from a result set through their constructors, made accessible once.
 *
 * <p>MyBatis' own factory looks the constructor up again for every row and, the records being package-private, is
 * refused before it makes it accessible: an exception (with its stack trace) for every row read, about one per
 * webhook in a profile of the local pipeline.
 */
final class RowFactory extends DefaultObjectFactory {

    private final Map<Signature, Constructor<?>> constructors = new ConcurrentHashMap<>();

    @Override
    public <T> T create(Class<T> type, List<Class<?>> argTypes, List<Object> args) {
        if (argTypes == null || !type.isRecord()) {
            return super.create(type, argTypes, args);
        }
        Constructor<?> constructor =
                constructors.computeIfAbsent(new Signature(type, List.copyOf(argTypes)), RowFactory::accessible);
        try {
            return type.cast(constructor.newInstance(args.toArray()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from " + args, e);
        }
    }

    private static Constructor<?> accessible(Signature signature) {
        try {
            Constructor<?> constructor =
                    signature.type().getDeclaredConstructor(signature.argTypes().toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(
                    signature.type().getSimpleName() + " has no constructor of " + signature.argTypes(), e);
        }
    }

    private record Signature(Class<?> type, List<Class<?>> argTypes) {}
}
