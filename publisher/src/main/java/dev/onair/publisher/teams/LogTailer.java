package dev.onair.publisher.teams;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one log file by byte offset: each {@link #readNew} reads only what was appended since the last one, in
 * fixed-size chunks, and hands over complete lines. Memory stays bounded whatever the file's size: one
 * {@value #CHUNK_BYTES}-byte read buffer and one {@value #MAX_LINE_BYTES}-byte line buffer, both allocated once; a
 * longer line is cut to that length. A partial last line waits for its newline. Bytes that are not UTF-8 become
 * U+FFFD. A file that shrank, or was replaced by another under the same name, is read again from the start.
 *
 * <p>The file is opened for each read and closed again, so Teams can always rotate or delete it (issue 3).
 */
public final class LogTailer {
    private static final Logger log = LoggerFactory.getLogger(LogTailer.class);

    /** Bytes read from the file at a time. */
    public static final int CHUNK_BYTES = 64 * 1024;

    /** The longest line kept; Teams' presence lines are a few hundred bytes. */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    private final Path file;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private int lineLength;
    private long offset;
    private Object identity;
    private long cutLines;

    public LogTailer(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The byte offset up to which the file has been read. */
    public long offset() {
        return offset;
    }

    /** How many lines were longer than {@link #MAX_LINE_BYTES} and cut. */
    public long cutLines() {
        return cutLines;
    }

    /** The bytes this reader holds in its buffers, whatever the file size: the bound on its memory. */
    public int bufferBytes() {
        return chunk.capacity() + line.length;
    }

    /** Bytes of a partial line read but not yet handed over (waiting for its newline). */
    public int pendingBytes() {
        return Math.min(lineLength, MAX_LINE_BYTES);
    }

    /**
     * Reads what was appended since the last call and hands each complete line to {@code lines}. Reads up to the
     * size the file had when the call began, so a file that grows fast cannot keep it busy forever.
     *
     * @return the number of bytes read
     * @throws java.nio.file.NoSuchFileException if the file is gone
     */
    public long readNew(Consumer<String> lines) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Object id = identity(file);
            long size = channel.size();
            if (identity != null && id != null && !identity.equals(id)) {
                log.info("{} was replaced; reading the new file from the start", file.getFileName());
                restart();
            } else if (size < offset) {
                log.info("{} was truncated; reading it from the start", file.getFileName());
                restart();
            }
            identity = id;
            long start = offset;
            while (offset < size) {
                chunk.clear();
                chunk.limit((int) Math.min(CHUNK_BYTES, size - offset));
                int n = channel.read(chunk, offset);
                if (n <= 0) {
                    break;
                }
                offset += n;
                chunk.flip();
                split(lines);
            }
            return offset - start;
        }
    }

    /** Hands over a partial last line, for a file that will not grow any more (it was rotated away). */
    public void flushPartial(Consumer<String> lines) {
        if (lineLength > 0) {
            emit(lines);
        }
    }

    private void split(Consumer<String> lines) {
        while (chunk.hasRemaining()) {
            byte b = chunk.get();
            if (b == '\n') {
                emit(lines);
            } else if (lineLength < MAX_LINE_BYTES) {
                line[lineLength++] = b;
            } else if (lineLength == MAX_LINE_BYTES) {
                cutLines++;
                lineLength++; // marks the line as cut; the rest of it is skipped up to its newline
            }
        }
    }

    private void emit(Consumer<String> lines) {
        int length = Math.min(lineLength, MAX_LINE_BYTES);
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        lineLength = 0;
        if (length == 0) {
            return;
        }
        String text;
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, 0, length));
            text = chars.toString();
        } catch (CharacterCodingException e) {
            return; // cannot happen with REPLACE; a line is never worth a crash
        }
        lines.accept(text);
    }

    private void restart() {
        offset = 0;
        lineLength = 0;
    }

    /** The file's identity (inode where the platform has one, else its creation time), to notice a replacement. */
    private static Object identity(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return key != null ? key : attributes.creationTime();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "LogTailer[" + file + " at " + offset + "]";
    }
}
