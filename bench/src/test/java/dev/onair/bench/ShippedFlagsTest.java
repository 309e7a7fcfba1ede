package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.publisher.install.JvmFlags;
import dev.onair.testsupport.RepositoryRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pi's JVM flags and malloc setting are written in four places: the Dockerfile, the systemd unit, the launcher
 * and the benchmarks that measure them ({@link NodeProcess#PI_FLAGS}). The figures in bench/README.md hold only
 * while all four say the same.
 */
class ShippedFlagsTest {
    private static final Path ROOT = RepositoryRoot.get();

    @Test
    void dockerfile_systemdUnit_andLauncher_shipTheFlagsTheBenchmarksMeasure() throws IOException {
        assertThat(dockerfileFlags()).as("Dockerfile JAVA_TOOL_OPTIONS").isEqualTo(NodeProcess.PI_FLAGS);
        assertThat(systemdFlags())
                .as("deploy/systemd/onair-pi.service ExecStart")
                .isEqualTo(NodeProcess.PI_FLAGS);
        assertThat(launcherFlags()).as("./onair pi_java_opts").isEqualTo(NodeProcess.PI_FLAGS);
    }

    /** The release's bin/onair and bin/onair.cmd get the parent pom's properties (issue 14). */
    @Test
    void parentPom_releaseLaunchers_andPublisherUnit_shipTheMeasuredFlags() throws IOException {
        assertThat(split(find(read("pom.xml"), "<onair.pi.jvm.flags>([^<]*)<")))
                .as("pom.xml onair.pi.jvm.flags")
                .isEqualTo(NodeProcess.PI_FLAGS);
        List<String> publisher = split(find(read("pom.xml"), "<onair.publisher.jvm.flags>([^<]*)<"));
        assertThat(publisher).as("pom.xml onair.publisher.jvm.flags").isEqualTo(JvmFlags.publisher());
        assertThat(split(find(
                        read("deploy/systemd/onair-publisher.service"), "(?m)^ExecStart=/usr/bin/java (.*?) -jar ")))
                .as("deploy/systemd/onair-publisher.service ExecStart")
                .isEqualTo(publisher);
    }

    @Test
    void dockerfile_systemdUnit_andLauncher_setTheMallocArenas() throws IOException {
        String arenas = NodeProcess.PI_ENV.get("MALLOC_ARENA_MAX");

        assertThat(read("Dockerfile")).containsPattern("(?m)^ENV MALLOC_ARENA_MAX=" + arenas + "$");
        assertThat(read("deploy/systemd/onair-pi.service"))
                .containsPattern("(?m)^Environment=MALLOC_ARENA_MAX=" + arenas + "$");
        assertThat(read("onair")).contains("export MALLOC_ARENA_MAX=\"${MALLOC_ARENA_MAX:-" + arenas + "}\"");
    }

    /**
     * The unit's class data sharing: with no archive, or one older than the jar, the JVM writes one as it stops;
     * with a newer one, it maps it. Runs the unit's own script with sh, paths moved to a temporary folder and java
     * replaced by echo.
     */
    @Test
    void systemdUnit_writesTheArchiveOnce_thenMapsIt(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("onair.jar"), "jar");
        Path archive = dir.resolve("onair.jsa");
        String script = execStartScript()
                .replace("/var/lib/onair/onair.jsa", archive.toString())
                .replace("/opt/onair/onair.jar", jar.toString())
                .replace("exec /usr/bin/java", "exec echo");

        assertThat(sh(script)).contains("-XX:ArchiveClassesAtExit=" + archive).doesNotContain("SharedArchiveFile");

        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(sh(script)).contains("-XX:SharedArchiveFile=" + archive).doesNotContain("ArchiveClassesAtExit");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(sh(script))
                .as("a jar newer than the archive (an upgrade) makes a new archive")
                .contains("-XX:ArchiveClassesAtExit=" + archive);
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private static List<String> dockerfileFlags() throws IOException {
        return split(find(read("Dockerfile"), "(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\""));
    }

    private static List<String> systemdFlags() throws IOException {
        return split(find(execStartScript(), "exec /usr/bin/java (.*?) \\$cds -jar "));
    }

    /** The shell script the unit's ExecStart runs ({@code /bin/sh -c '...'}), as sh gets it from systemd. */
    private static String execStartScript() throws IOException {
        String unit = read("deploy/systemd/onair-pi.service").replace("\\\n", " ");
        return find(unit, "(?m)^ExecStart=/bin/sh -c '([^']*)'$").replace("$$", "$");
    }

    private static List<String> launcherFlags() throws IOException {
        return split(find(read("onair"), "(?m)^pi_java_opts=\"([^\"]*)\""));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    private static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).toList();
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }
}
