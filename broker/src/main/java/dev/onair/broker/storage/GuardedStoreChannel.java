package dev.onair.broker.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * The store file's channel with the {@link DataFolderGuard} in its write path: before each write the guard checks the
 * free space (and gives up its reserve when it is low), and a write that still runs out of space gets the reserve and
 * is tried once more. So a commit of what the broker already acknowledged never fails for lack of space while the
 * reserve lasts, whatever the guard's poll was doing (issue 11, "Disk full").
 */
final class GuardedStoreChannel extends FileChannel {
    private final FileChannel file;
    private final DataFolderGuard space;

    GuardedStoreChannel(FileChannel file, DataFolderGuard space) {
        this.file = file;
        this.space = space;
    }

    private interface Write {
        long run() throws IOException;
    }

    private long guarded(Write write) throws IOException {
        space.check();
        try {
            return write.run();
        } catch (IOException e) {
            if (!space.giveUpReserve(e)) {
                throw e;
            }
            return write.run();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return (int) guarded(() -> file.write(src));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return guarded(() -> file.write(srcs, offset, length));
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return (int) guarded(() -> file.write(src, position));
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return guarded(() -> file.transferFrom(src, position, count));
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return file.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return file.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        file.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
