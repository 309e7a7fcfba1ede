package dev.onair.publisher.install;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
 * A LaunchAgent in {@code ~/Library/LaunchAgents}: launchd starts it in this user's GUI session at login
 * ({@code RunAtLoad}) and again whenever it exits ({@code KeepAlive}, at most every {@code ThrottleInterval} seconds),
 * with its output in {@code ~/Library/Logs/OnAir/publisher.log}. Loaded with {@code launchctl bootstrap gui/UID}, the
 * interface that replaced {@code launchctl load} in macOS 10.10; a loaded agent is booted out first, since bootstrap
 * refuses a label that is already loaded.
 */
final class MacLaunchAgent implements LoginService {
    static final String LABEL = "dev.onair.publisher";

    private final Path file;
    private final Path log;
    private final long uid;

    /**
     * @param home the user's home folder
     * @param uid the user's numeric id, for the {@code gui/UID} domain
     */
    MacLaunchAgent(Path home, long uid) {
        this.file = home.resolve("Library/LaunchAgents").resolve(LABEL + ".plist");
        this.log = home.resolve("Library/Logs/OnAir/publisher.log");
        this.uid = uid;
    }

    @Override
    public String describe() {
        return "LaunchAgent " + LABEL;
    }

    @Override
    public Path file() {
        return file;
    }

    Path log() {
        return log;
    }

    private String domain() {
        return "gui/" + uid;
    }

    @Override
    public void install(LaunchCommand command, Host host) throws IOException {
        String plist = plist(command);
        if (host.exists(file)) {
            host.runTolerant(List.of("launchctl", "bootout", domain() + "/" + LABEL));
        }
        host.mkdirs(log.getParent()); // launchd opens the log file but does not make its folder
        host.write(file, plist.getBytes(StandardCharsets.UTF_8), plist);
        host.run(List.of("launchctl", "bootstrap", domain(), file.toString()));
    }

    @Override
    public void uninstall(Host host) throws IOException {
        host.runTolerant(List.of("launchctl", "bootout", domain() + "/" + LABEL));
        host.delete(file);
    }

    @Override
    public String status(Host host) {
        return host.query(List.of("launchctl", "print", domain() + "/" + LABEL));
    }

    /** The property list (Apple's PropertyList-1.0 DTD). */
    String plist(LaunchCommand command) {
        try {
            Document doc =
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element plist = doc.createElement("plist");
            plist.setAttribute("version", "1.0");
            doc.appendChild(plist);
            Element dict = add(plist, "dict", null);
            entry(dict, "Label", "string", LABEL);
            add(dict, "key", "ProgramArguments");
            Element args = add(dict, "array", null);
            for (String a : command.argv()) {
                add(args, "string", a);
            }
            entry(dict, "WorkingDirectory", "string", command.workingDir());
            add(dict, "key", "RunAtLoad");
            add(dict, "true", null);
            add(dict, "key", "KeepAlive");
            add(dict, "true", null);
            // launchd's default is 10 s; said here so a reader knows a crash loop costs one start per 10 s.
            entry(dict, "ThrottleInterval", "integer", "10");
            // Background: launchd may hold it back under load, as it should for a status light.
            entry(dict, "ProcessType", "string", "Background");
            entry(dict, "StandardOutPath", "string", log.toString());
            entry(dict, "StandardErrorPath", "string", log.toString());

            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.setOutputProperty(OutputKeys.DOCTYPE_PUBLIC, "-//Apple//DTD PLIST 1.0//EN");
            transformer.setOutputProperty(OutputKeys.DOCTYPE_SYSTEM, "http://www.apple.com/DTDs/PropertyList-1.0.dtd");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot write the LaunchAgent plist", e);
        }
    }

    private static void entry(Element dict, String key, String type, String value) {
        add(dict, "key", key);
        add(dict, type, value);
    }

    private static Element add(Element parent, String name, String text) {
        Element e = parent.getOwnerDocument().createElement(name);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
