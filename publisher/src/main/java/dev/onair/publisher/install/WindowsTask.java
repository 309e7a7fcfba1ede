package dev.onair.publisher.install;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A Task Scheduler task for the current user: started at this user's logon with the user's own interactive token and
 * least privilege (so {@code schtasks} needs no administrator rights and no password), restarted every minute after a
 * failure, never stopped for running long, and run with {@code javaw.exe} so no console window opens. Written as Task
 * XML (schema 1.2, Windows 7 and later) in UTF-16 with a byte order mark, the encoding {@code schtasks /Create /XML}
 * reads, and kept next to the configuration as the record of what was registered.
 */
final class WindowsTask implements LoginService {
    static final String TASK_NAME = "OnAir\\Publisher";
    static final String NS = "http://schemas.microsoft.com/windows/2004/02/mit/task";

    private final Path file;
    private final String userId;

    /**
     * @param file where the task XML is written ({@code %APPDATA%\OnAir\publisher-task.xml})
     * @param userId the current user as {@code CONTOSO\alice}, from {@code %USERDOMAIN%} and {@code %USERNAME%}
     */
    WindowsTask(Path file, String userId) {
        this.file = file;
        this.userId = userId;
    }

    @Override
    public String describe() {
        return "Task Scheduler task \\" + TASK_NAME;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public void install(LaunchCommand command, Host host) throws IOException {
        String xml = xml(command);
        if (host.exists(file)) {
            // /Create /F replaces the definition but leaves a running instance (and the task ignores a second one).
            host.runTolerant(List.of("schtasks", "/End", "/TN", TASK_NAME));
        }
        host.write(file, utf16(xml), xml);
        host.run(List.of("schtasks", "/Create", "/XML", file.toString(), "/TN", TASK_NAME, "/F"));
        host.run(List.of("schtasks", "/Run", "/TN", TASK_NAME));
    }

    @Override
    public void uninstall(Host host) throws IOException {
        host.runTolerant(List.of("schtasks", "/End", "/TN", TASK_NAME));
        host.runTolerant(List.of("schtasks", "/Delete", "/TN", TASK_NAME, "/F"));
        host.delete(file);
    }

    @Override
    public String status(Host host) {
        return host.query(List.of("schtasks", "/Query", "/TN", TASK_NAME, "/V", "/FO", "LIST"));
    }

    /** The task definition. */
    String xml(LaunchCommand command) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element task = doc.createElementNS(NS, "Task");
            task.setAttribute("version", "1.2");
            doc.appendChild(task);
            Element info = child(task, "RegistrationInfo");
            text(info, "Description", "OnAir publisher: your Microsoft Teams presence to the light by the door.");
            text(info, "URI", "\\" + TASK_NAME);
            Element logon = child(child(task, "Triggers"), "LogonTrigger");
            text(logon, "Enabled", "true");
            text(logon, "UserId", userId);
            Element principal = child(child(task, "Principals"), "Principal");
            principal.setAttribute("id", "Author");
            text(principal, "UserId", userId);
            text(principal, "LogonType", "InteractiveToken");
            text(principal, "RunLevel", "LeastPrivilege");
            Element settings = child(task, "Settings");
            text(settings, "MultipleInstancesPolicy", "IgnoreNew");
            text(settings, "DisallowStartIfOnBatteries", "false");
            text(settings, "StopIfGoingOnBatteries", "false");
            text(settings, "AllowHardTerminate", "true");
            text(settings, "StartWhenAvailable", "true");
            text(settings, "RunOnlyIfNetworkAvailable", "false");
            Element idle = child(settings, "IdleSettings");
            text(idle, "StopOnIdleEnd", "false");
            text(idle, "RestartOnIdle", "false");
            text(settings, "AllowStartOnDemand", "true");
            text(settings, "Enabled", "true");
            text(settings, "Hidden", "false");
            text(settings, "RunOnlyIfIdle", "false");
            text(settings, "WakeToRun", "false");
            // PT0S: no time limit (the default of 72 hours would stop the publisher on the third day).
            text(settings, "ExecutionTimeLimit", "PT0S");
            Element restart = child(settings, "RestartOnFailure");
            text(restart, "Interval", "PT1M"); // the shortest the schema allows
            text(restart, "Count", "999"); // the most it allows
            Element actions = child(task, "Actions");
            actions.setAttribute("Context", "Author");
            Element exec = child(actions, "Exec");
            text(exec, "Command", command.java());
            text(
                    exec,
                    "Arguments",
                    command.arguments().stream().map(WindowsTask::quote).collect(Collectors.joining(" ")));
            text(exec, "WorkingDirectory", command.workingDir());

            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-16");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write the task XML", e);
        }
    }

    /** UTF-16 little-endian with a byte order mark, as Windows itself writes task XML. */
    static byte[] utf16(String xml) {
        ByteBuffer body = StandardCharsets.UTF_16LE.encode(xml);
        byte[] bytes = new byte[2 + body.remaining()];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        body.get(bytes, 2, body.remaining());
        return bytes;
    }

    /**
     * One argument as Windows' C runtime splits a command line (CommandLineToArgvW): quoted when it has a space or a
     * quote, inner quotes escaped, and backslashes doubled only before a quote.
     */
    static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        int backslashes = 0;
        for (char c : arg.toCharArray()) {
            if (c == '\\') {
                backslashes++;
                continue;
            }
            sb.append("\\".repeat(c == '"' ? backslashes * 2 + 1 : backslashes));
            backslashes = 0;
            sb.append(c);
        }
        sb.append("\\".repeat(backslashes * 2)).append('"');
        return sb.toString();
    }

    private static Element child(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElementNS(NS, name);
        parent.appendChild(e);
        return e;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }
}
