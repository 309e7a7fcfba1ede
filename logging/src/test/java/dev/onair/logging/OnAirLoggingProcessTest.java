package dev.onair.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM with this module's class path (logging, Logback, SLF4J) logs as a node does at start-up: Logback finds
 * {@link OnAirLogging} as a service, never loads its XML configurator (Joran), the JDK's XML parser nor the pattern
 * parser (see {@link OneLineLayout}), and a user's
 * own {@code -Dlogback.configurationFile} still wins.
 */
class OnAirLoggingProcessTest {

    private static final String LINE = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";

    @TempDir
    Path dir;

    @Test
    void startUp_withoutOptions_logsThroughOnAirLoggingWithoutJoran() throws Exception {
        Run run = run();

        assertThat(run.stderr()).anyMatch(l -> l.matches(LINE + "INFO  LogOnce - hello"));
        assertThat(run.stderr()).anyMatch(l -> l.matches(LINE + "WARN  Noise - netty warn"));
        assertThat(run.stderr()).noneMatch(l -> l.contains("details") || l.contains("netty info"));
        assertThat(run.loadedClasses()).contains("dev.onair.logging.OnAirLogging");
        // Of Joran's packages only what ConsoleAppender and Logback's start-up name: its target enum and the
        // exception of a catch clause. The XML configuration loaded about 630 classes more.
        assertThat(run.loadedClasses())
                .filteredOn(c ->
                        c.startsWith("ch.qos.logback.core.joran.") || c.startsWith("ch.qos.logback.classic.joran."))
                .allMatch(c -> c.startsWith("ch.qos.logback.core.joran.spi.ConsoleTarget")
                        || c.equals("ch.qos.logback.core.joran.spi.JoranException"));
        assertThat(run.loadedClasses())
                .noneMatch(c -> c.startsWith("ch.qos.logback.core.model.")
                        || c.startsWith("ch.qos.logback.core.pattern.parser.")
                        || c.startsWith("javax.xml.parsers.")
                        || c.startsWith("org.xml.sax.")
                        || c.startsWith("com.sun.org.apache.xerces."));
    }

    @Test
    void startUp_withVerboseLevel_logsDebug() throws Exception {
        Run run = run("-Donair.log.level=DEBUG");

        assertThat(run.stderr()).anyMatch(l -> l.matches(LINE + "DEBUG LogOnce - details"));
        assertThat(run.stderr()).noneMatch(l -> l.contains("netty info"));
    }

    @Test
    void startUp_withUsersConfigurationFile_usesTheirXml() throws Exception {
        Path xml = dir.resolve("mine.xml");
        Files.writeString(xml, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <target>System.err</target>
                    <encoder><pattern>MINE %level %logger %msg%n</pattern></encoder>
                  </appender>
                  <root level="DEBUG"><appender-ref ref="OUT"/></root>
                </configuration>
                """);

        Run run = run("-Dlogback.configurationFile=" + xml);

        assertThat(run.stderr())
                .contains(
                        "MINE INFO dev.onair.logging.LogOnce hello",
                        "MINE DEBUG dev.onair.logging.LogOnce details",
                        "MINE INFO io.netty.channel.Noise netty info");
    }

    private Run run(String... options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xlog:class+load=info:file=" + dir.resolve("classes.log"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LogOnce.class.getName()));
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("child JVM ended").isTrue();
        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();
        List<String> classes = Files.readAllLines(dir.resolve("classes.log")).stream()
                .map(l -> l.replaceFirst("^\\[[^]]*]\\[[^]]*]\\[[^]]*] ", "").split(" ")[0])
                .toList();
        return new Run(Files.readAllLines(stderr), classes);
    }

    private record Run(List<String> stderr, List<String> loadedClasses) {}
}
