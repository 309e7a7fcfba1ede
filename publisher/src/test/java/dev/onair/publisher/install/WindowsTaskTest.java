package dev.onair.publisher.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The Task Scheduler task, checked by what would be registered on Windows: the XML and the schtasks commands. */
class WindowsTaskTest {
    private static final String JAVAW = "C:\\Program Files\\Eclipse Adoptium\\jre-17.0.13.11-hotspot\\bin\\javaw.exe";
    private static final String JAR = "C:\\Users\\alice\\onair-0.1.0\\lib\\onair.jar";
    private static final String CONFIG = "C:\\Users\\alice\\AppData\\Roaming\\OnAir\\publisher.yaml";
    private static final LaunchCommand COMMAND = new LaunchCommand(
            JAVAW, List.of("-XX:+UseSerialGC", "-Xmx32m"), JAR, CONFIG, "C:\\Users\\alice\\AppData\\Roaming\\OnAir");

    @TempDir
    Path dir;

    private final RecordingRunner runner = new RecordingRunner();
    private final StringWriter printed = new StringWriter();

    private Host host(boolean dryRun) {
        return new Host(runner, new PrintWriter(printed, true), dryRun);
    }

    private WindowsTask task() {
        return new WindowsTask(dir.resolve("publisher-task.xml"), "CONTOSO\\alice");
    }

    @Test
    void install_writesUtf16TaskXml_forThisUserAtLogon_withoutAdminRights() throws Exception {
        WindowsTask task = task();

        task.install(COMMAND, host(false));

        byte[] bytes = Files.readAllBytes(task.file());
        assertThat(Arrays.copyOf(bytes, 2)).as("UTF-16LE byte order mark").containsExactly(0xFF, 0xFE);
        String text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("<?xml version=\"1.0\" encoding=\"UTF-16\"");
        Element root = parse(bytes).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(WindowsTask.NS);
        assertThat(root.getLocalName()).isEqualTo("Task");
        assertThat(root.getAttribute("version")).isEqualTo("1.2");
        assertThat(path(root, "RegistrationInfo", "URI")).isEqualTo("\\OnAir\\Publisher");
        assertThat(path(root, "Triggers", "LogonTrigger", "Enabled")).isEqualTo("true");
        assertThat(path(root, "Triggers", "LogonTrigger", "UserId")).isEqualTo("CONTOSO\\alice");
        assertThat(path(root, "Principals", "Principal", "UserId")).isEqualTo("CONTOSO\\alice");
        assertThat(path(root, "Principals", "Principal", "LogonType")).isEqualTo("InteractiveToken");
        assertThat(path(root, "Principals", "Principal", "RunLevel")).isEqualTo("LeastPrivilege");
        assertThat(path(root, "Settings", "RestartOnFailure", "Interval")).isEqualTo("PT1M");
        assertThat(path(root, "Settings", "RestartOnFailure", "Count")).isEqualTo("999");
        assertThat(path(root, "Settings", "ExecutionTimeLimit")).isEqualTo("PT0S");
        assertThat(path(root, "Settings", "MultipleInstancesPolicy")).isEqualTo("IgnoreNew");
        assertThat(path(root, "Settings", "DisallowStartIfOnBatteries")).isEqualTo("false");
        assertThat(path(root, "Settings", "StopIfGoingOnBatteries")).isEqualTo("false");
        assertThat(path(root, "Actions", "Exec", "Command")).isEqualTo(JAVAW).endsWith("\\javaw.exe");
        assertThat(path(root, "Actions", "Exec", "Arguments"))
                .isEqualTo("-XX:+UseSerialGC -Xmx32m -jar C:\\Users\\alice\\onair-0.1.0\\lib\\onair.jar publisher "
                        + "--config C:\\Users\\alice\\AppData\\Roaming\\OnAir\\publisher.yaml");
        assertThat(path(root, "Actions", "Exec", "WorkingDirectory"))
                .isEqualTo("C:\\Users\\alice\\AppData\\Roaming\\OnAir");
        // The principal the action runs as is the one the trigger names.
        assertThat(((Element) root.getElementsByTagNameNS(WindowsTask.NS, "Actions")
                                .item(0))
                        .getAttribute("Context"))
                .isEqualTo(((Element) root.getElementsByTagNameNS(WindowsTask.NS, "Principal")
                                .item(0))
                        .getAttribute("id"));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("schtasks", "/Create", "/XML", task.file().toString(), "/TN", "OnAir\\Publisher", "/F"),
                        List.of("schtasks", "/Run", "/TN", "OnAir\\Publisher"));
    }

    @Test
    void install_quotesPathsWithSpaces_asWindowsSplitsThem() throws Exception {
        LaunchCommand spaced = new LaunchCommand(
                JAVAW,
                List.of("-Xmx32m"),
                "C:\\Program Files\\OnAir\\lib\\onair.jar",
                "C:\\Users\\Alice Smith\\AppData\\Roaming\\OnAir\\publisher.yaml",
                "C:\\Users\\Alice Smith\\AppData\\Roaming\\OnAir");

        String xml = task().xml(spaced);

        assertThat(path(parse(WindowsTask.utf16(xml)).getDocumentElement(), "Actions", "Exec", "Arguments"))
                .isEqualTo("-Xmx32m -jar \"C:\\Program Files\\OnAir\\lib\\onair.jar\" publisher --config "
                        + "\"C:\\Users\\Alice Smith\\AppData\\Roaming\\OnAir\\publisher.yaml\"");
    }

    @Test
    void quote_followsTheCRuntimeRules() {
        assertThat(WindowsTask.quote("plain")).isEqualTo("plain");
        assertThat(WindowsTask.quote("")).isEqualTo("\"\"");
        assertThat(WindowsTask.quote("a b")).isEqualTo("\"a b\"");
        assertThat(WindowsTask.quote("C:\\a b\\")).isEqualTo("\"C:\\a b\\\\\"");
        assertThat(WindowsTask.quote("say \"hi\"")).isEqualTo("\"say \\\"hi\\\"\"");
    }

    @Test
    void installAgain_endsTheRunningTask_thenReplacesIt() throws Exception {
        WindowsTask task = task();
        task.install(COMMAND, host(false));
        runner.commands.clear();

        task.install(COMMAND, host(false));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("schtasks", "/End", "/TN", "OnAir\\Publisher"),
                        List.of("schtasks", "/Create", "/XML", task.file().toString(), "/TN", "OnAir\\Publisher", "/F"),
                        List.of("schtasks", "/Run", "/TN", "OnAir\\Publisher"));
    }

    @Test
    void uninstall_endsAndDeletesTheTask_andItsXml_evenWhenItIsNotRunning() throws Exception {
        WindowsTask task = task();
        task.install(COMMAND, host(false));
        runner.commands.clear();
        runner.failing(List.of("schtasks", "/End", "/TN", "OnAir\\Publisher"), "the task is not running");

        task.uninstall(host(false));

        assertThat(runner.commands)
                .containsExactly(
                        List.of("schtasks", "/End", "/TN", "OnAir\\Publisher"),
                        List.of("schtasks", "/Delete", "/TN", "OnAir\\Publisher", "/F"));
        assertThat(task.file()).doesNotExist();
        assertThat(printed.toString()).contains("the task is not running; going on");
    }

    @Test
    void status_asksSchtasks() {
        runner.answering(
                List.of("schtasks", "/Query", "/TN", "OnAir\\Publisher", "/V", "/FO", "LIST"), "Status: Running");

        assertThat(task().status(host(false))).isEqualTo("Status: Running");
    }

    @Test
    void dryRun_printsTheXmlAndCommands_writesAndRunsNothing() throws Exception {
        WindowsTask task = task();

        task.install(COMMAND, host(true));

        assertThat(task.file()).doesNotExist();
        assertThat(runner.commands).isEmpty();
        assertThat(printed.toString())
                .contains("Would write " + task.file())
                .contains("<LogonType>InteractiveToken</LogonType>")
                .contains("Would run: schtasks /Create /XML " + task.file() + " /TN OnAir\\Publisher /F")
                .contains("Would run: schtasks /Run /TN OnAir\\Publisher");
    }

    static Document parse(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    /** The text of the one element at {@code names} below {@code root}, failing when there is not exactly one. */
    private static String path(Element root, String... names) {
        Element e = root;
        for (String name : names) {
            var children = new java.util.ArrayList<Element>();
            for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && name.equals(c.getLocalName())) {
                    children.add(c);
                }
            }
            assertThat(children).as(String.join("/", names)).hasSize(1);
            e = children.get(0);
        }
        return e.getTextContent();
    }
}
