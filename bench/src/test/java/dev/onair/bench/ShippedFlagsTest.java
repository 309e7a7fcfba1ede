package dev.onair.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onair.publisher.install.JvmFlags;
import dev.onair.testsupport.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

    private static List<String> dockerfileFlags() throws IOException {
        return split(find(read("Dockerfile"), "(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\""));
    }

    private static List<String> systemdFlags() throws IOException {
        String unit = read("deploy/systemd/onair-pi.service").replace("\\\n", " ");
        return split(find(unit, "(?m)^ExecStart=/usr/bin/java (.*?) -jar "));
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
