package dev.onair.publisher.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onair.testsupport.OutsideTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LaunchAgent, checked by what macOS would get: the plist as Python's plistlib reads it, and launchctl's commands. */
class MacLaunchAgentTest {
    private static final LaunchCommand COMMAND = new LaunchCommand(
            "/Library/Java/JavaVirtualMachines/temurin-17.jre/Contents/Home/bin/java",
            List.of("-XX:+UseSerialGC", "-Xmx32m"),
            "/Users/alice/onair-0.1.0/lib/onair.jar",
            "/Users/alice/Library/Application Support/OnAir/publisher.yaml",
            "/Users/alice/Library/Application Support/OnAir");

    @TempDir
    Path home;

    private final RecordingRunner runner = new RecordingRunner();
    private final StringWriter printed = new StringWriter();

    private Host host(boolean dryRun) {
        return new Host(runner, new PrintWriter(printed, true), dryRun);
    }

    @Test
    void install_writesAKeptAliveAgent_andBootstrapsItInTheGuiDomain() throws Exception {
        MacLaunchAgent agent = new MacLaunchAgent(home, 501);

        agent.install(COMMAND, host(false));

        Path plist = home.resolve("Library/LaunchAgents/dev.onair.publisher.plist");
        assertThat(agent.file()).isEqualTo(plist);
        JsonNode read = plistlib(plist);
        String log = home.resolve("Library/Logs/OnAir/publisher.log").toString();
        assertThat(read).isEqualTo(new ObjectMapper().readTree("""
                        {"Label": "dev.onair.publisher",
                         "ProgramArguments": ["/Library/Java/JavaVirtualMachines/temurin-17.jre/Contents/Home/bin/java",
                            "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/Users/alice/onair-0.1.0/lib/onair.jar", "publisher",
                            "--config", "/Users/alice/Library/Application Support/OnAir/publisher.yaml"],
                         "WorkingDirectory": "/Users/alice/Library/Application Support/OnAir",
                         "RunAtLoad": true, "KeepAlive": true, "ThrottleInterval": 10, "ProcessType": "Background",
                         "StandardOutPath": "%s", "StandardErrorPath": "%s"}
                        """.formatted(log, log)));
        assertThat(Files.readString(plist))
                .contains("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                        + "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">");
        assertThat(home.resolve("Library/Logs/OnAir")).isDirectory();
        assertThat(runner.commands).containsExactly(List.of("launchctl", "bootstrap", "gui/501", plist.toString()));
    }

    @Test
    void installAgain_bootsTheOldAgentOutFirst() throws Exception {
        MacLaunchAgent agent = new MacLaunchAgent(home, 501);
        agent.install(COMMAND, host(false));
        runner.commands.clear();

        agent.install(COMMAND, host(false));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("launchctl", "bootout", "gui/501/dev.onair.publisher"),
                        List.of(
                                "launchctl",
                                "bootstrap",
                                "gui/501",
                                agent.file().toString()));
    }

    @Test
    void uninstall_bootsOutAndRemovesThePlist() throws Exception {
        MacLaunchAgent agent = new MacLaunchAgent(home, 501);
        agent.install(COMMAND, host(false));
        runner.commands.clear();

        agent.uninstall(host(false));

        assertThat(runner.commands).containsExactly(List.of("launchctl", "bootout", "gui/501/dev.onair.publisher"));
        assertThat(agent.file()).doesNotExist();
    }

    @Test
    void status_asksLaunchctl_andANotLoadedAgentSaysSo() {
        runner.failing(List.of("launchctl", "print", "gui/501/dev.onair.publisher"), "Could not find service");

        assertThat(new MacLaunchAgent(home, 501).status(host(false)))
                .contains("launchctl print gui/501/dev.onair.publisher exited with 1: Could not find service");
    }

    @Test
    void dryRun_printsThePlistAndCommands_writesNothing() throws Exception {
        MacLaunchAgent agent = new MacLaunchAgent(home, 501);

        agent.install(COMMAND, host(true));

        assertThat(agent.file()).doesNotExist();
        assertThat(runner.commands).isEmpty();
        assertThat(printed.toString())
                .contains("<key>KeepAlive</key>")
                .contains("Would run: launchctl bootstrap gui/501 " + agent.file());
    }

    /** The plist as macOS's own format reader would see it: Python's plistlib, printed as JSON. */
    private static JsonNode plistlib(Path plist) throws IOException, InterruptedException {
        OutsideTool.require(onPath("python3"), "python3 (Debian: apt install python3) reads the plist");
        Process p = new ProcessBuilder(
                        "python3",
                        "-c",
                        "import json, plistlib, sys; print(json.dumps(plistlib.load(open(sys.argv[1], 'rb'))))",
                        plist.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out);
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
