package dev.onair.publisher.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {
    @TempDir
    Path dir;

    @Test
    void readNew_readsOnlyWhatWasAppended() throws IOException {
        Path file = dir.resolve("MSTeams_2026-07-26_11-20-00.00.log");
        append(file, "one\ntwo\n");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();

        tailer.readNew(lines::add);
        append(file, "three\n");
        long read = tailer.readNew(lines::add);
        tailer.readNew(lines::add);

        assertThat(lines).containsExactly("one", "two", "three");
        assertThat(read).isEqualTo(6);
        assertThat(tailer.offset()).isEqualTo(Files.size(file));
    }

    @Test
    void partialLastLine_waitsForItsNewline() throws IOException {
        Path file = dir.resolve("a.log");
        append(file, "complete\nhalf a li");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();

        tailer.readNew(lines::add);
        assertThat(lines).containsExactly("complete");
        assertThat(tailer.pendingBytes()).isEqualTo("half a li".length());

        append(file, "ne\n");
        tailer.readNew(lines::add);
        assertThat(lines).containsExactly("complete", "half a line");
    }

    @Test
    void partialLastLine_ofARotatedFile_isFlushed() throws IOException {
        Path file = dir.resolve("a.log");
        append(file, "last words");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();

        tailer.readNew(lines::add);
        tailer.flushPartial(lines::add);

        assertThat(lines).containsExactly("last words");
    }

    @Test
    void truncatedFile_isReadAgainFromTheStart() throws IOException {
        Path file = dir.resolve("a.log");
        append(file, "old line one\nold line two\n");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();
        tailer.readNew(lines::add);

        Files.writeString(file, "new\n", StandardOpenOption.TRUNCATE_EXISTING);
        tailer.readNew(lines::add);

        assertThat(lines).containsExactly("old line one", "old line two", "new");
        assertThat(tailer.offset()).isEqualTo(4);
    }

    @Test
    void fileReplacedUnderTheSameName_isReadFromTheStart() throws IOException {
        Path file = dir.resolve("logs.txt");
        append(file, "first file\n");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();
        tailer.readNew(lines::add);

        Path other = dir.resolve("other.txt");
        append(other, "second file, longer than the first\n");
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        tailer.readNew(lines::add);

        assertThat(lines).containsExactly("first file", "second file, longer than the first");
    }

    @Test
    void junkBytes_becomeReplacementCharacters_andCrlfIsStripped() throws IOException {
        Path file = dir.resolve("a.log");
        byte[] junk = {(byte) 0xC3, (byte) 0x28, 'o', 'k', 0, (byte) 0xFF, '\r', '\n'};
        Files.write(file, junk);
        append(file, "Grüße DoNotDisturb\r\n");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();

        tailer.readNew(lines::add);

        assertThat(lines).containsExactly("\uFFFD(ok\u0000\uFFFD", "Grüße DoNotDisturb");
    }

    @Test
    void overlongLine_isCut_andTheNextLineIsIntact() throws IOException {
        Path file = dir.resolve("a.log");
        byte[] longLine = new byte[LogTailer.MAX_LINE_BYTES * 3];
        Arrays.fill(longLine, (byte) 'x');
        Files.write(file, longLine);
        append(file, "\nnext\n");
        LogTailer tailer = new LogTailer(file);
        List<String> lines = new ArrayList<>();

        tailer.readNew(lines::add);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LogTailer.MAX_LINE_BYTES);
        assertThat(lines.get(1)).isEqualTo("next");
        assertThat(tailer.cutLines()).isEqualTo(1);
    }

    /**
     * 100 MB: normal lines, a 30 MB run of junk without a newline, then the presence line. The reader's buffers are
     * allocated once and never grow, and no line handed over is longer than the line buffer: the bound on memory is
     * structural, not timed.
     */
    @Test
    void hundredMegabyteFile_isReadWithBoundedBuffers() throws IOException {
        Path file = dir.resolve("MSTeams_2026-07-26_11-20-00.00.log");
        long target = 100L * 1024 * 1024;
        byte[] line = (TeamsLogStateTestLines.BADGE_BUSY + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[1024 * 1024];
            int filled = 0;
            while (filled + line.length <= block.length) {
                System.arraycopy(line, 0, block, filled, line.length);
                filled += line.length;
            }
            Arrays.fill(block, filled, block.length, (byte) '\n');
            for (int i = 0; i < 70; i++) {
                out.write(block);
            }
            byte[] junk = new byte[1024 * 1024];
            Arrays.fill(junk, (byte) 0xFE);
            for (int i = 0; i < 30; i++) {
                out.write(junk);
            }
            out.write(("\n" + TeamsLogStateTestLines.PRESENCE_DND + "\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(Files.size(file)).isGreaterThan(target);

        LogTailer tailer = new LogTailer(file);
        int buffers = tailer.bufferBytes();
        AtomicLong lines = new AtomicLong();
        AtomicInteger longest = new AtomicInteger();
        AtomicReference<String> last = new AtomicReference<>();

        long read = tailer.readNew(text -> {
            lines.incrementAndGet();
            longest.accumulateAndGet(text.length(), Math::max);
            last.set(text);
        });

        assertThat(read).isEqualTo(Files.size(file));
        assertThat(tailer.bufferBytes()).isEqualTo(buffers).isEqualTo(LogTailer.CHUNK_BYTES + LogTailer.MAX_LINE_BYTES);
        assertThat(longest.get()).isLessThanOrEqualTo(LogTailer.MAX_LINE_BYTES);
        assertThat(tailer.pendingBytes()).isZero();
        assertThat(tailer.cutLines()).isEqualTo(1);
        assertThat(lines.get()).isGreaterThan(400_000);
        assertThat(TeamsLogState.presenceIn(last.get(), TeamsClient.NEW)).contains(TeamsPresence.DO_NOT_DISTURB);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(
                file,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
