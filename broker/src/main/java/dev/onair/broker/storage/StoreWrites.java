package dev.onair.broker.storage;

import io.moquette.broker.Server;
import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * Puts the {@link DataFolderGuard} into the write path of the H2 MVStore that Moquette 0.18.3 persists into (see
 * {@link GuardedStoreChannel}). Moquette builds and keeps that store privately and H2 opens the file itself, so this
 * reaches them by reflection: {@code Server.h2Builder.mvStore}, then the store file's channel. {@code DiskFullIT} and
 * {@code StoreWritesIT} fail if a Moquette or H2 upgrade moves them; {@link #guard(Server, DataFolderGuard)} then fails
 * the broker's start with the reason rather than run without the guard.
 */
public final class StoreWrites {
    private StoreWrites() {}

    /** Guards the writes of {@code server}'s store (started, with persistence). */
    public static void guard(Server server, DataFolderGuard space) {
        Object builder = field(Server.class, "h2Builder", server);
        if (builder == null) {
            throw new IllegalStateException("Moquette has no H2 store to guard (persistence off?)");
        }
        guard((MVStore) field(builder.getClass(), "mvStore", builder), space);
    }

    /** Guards the writes of {@code store}. */
    public static void guard(MVStore store, DataFolderGuard space) {
        FileStore files = store.getFileStore();
        try {
            Field file = FileStore.class.getDeclaredField("file");
            file.setAccessible(true);
            FileChannel channel = (FileChannel) file.get(files);
            if (!(channel instanceof GuardedStoreChannel)) {
                file.set(files, new GuardedStoreChannel(channel, space));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot guard the H2 store's writes (H2 upgraded?): " + e, e);
        }
        // The commit takes the store's lock, which the store's own commit thread takes before it writes: so that
        // thread sees the guarded channel from its next commit on.
        store.commit();
    }

    private static Object field(Class<?> type, String name, Object owner) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot reach Moquette's " + name + " (Moquette upgraded?): " + e, e);
        }
    }
}
