package dev.onair.broker.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.testsupport.SmallFileSystem;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit into an H2 store on a file system that filled up before the guard's poll noticed (the guard here never
 * polls): the write path gives up the reserve and the commit succeeds, where H2 would otherwise close the store for
 * good (issue 11, "Disk full"; a real 8 MiB tmpfs).
 */
class StoreWritesIT {
    @TempDir
    Path dir;

    private SmallFileSystem disk;
    private MVStore store;

    @AfterEach
    void unmount() throws Exception {
        if (store != null && !store.isClosed()) {
            store.closeImmediately();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void commitOnAFullDisk_takesTheReserve_andTheStoreStaysOpen() throws Exception {
        disk = SmallFileSystem.mount(dir, "8m");
        DataFolderGuard guard = new DataFolderGuard(dir, client -> {}, 0);
        guard.start();
        store = open();
        StoreWrites.guard(store, guard);
        MVMap<String, String> map = store.openMap("retained");
        map.put("before", "x");
        store.commit();

        disk.fill();
        assertThat(guard.full()).as("no poll has run").isFalse();
        map.put("acknowledged", "y".repeat(20_000));
        store.commit();

        assertThat(store.isClosed()).isFalse();
        assertThat(guard.full()).isTrue();
        store.close();
        disk.free();
        store = open();
        assertThat(store.<String, String>openMap("retained")).containsKeys("before", "acknowledged");
    }

    private MVStore open() {
        return new MVStore.Builder()
                .fileName(dir.resolve("store.h2").toString())
                .autoCommitDisabled()
                .open();
    }
}
