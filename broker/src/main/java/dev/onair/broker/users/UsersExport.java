package dev.onair.broker.users;

import dev.onair.broker.BrokerConfig;
import dev.onair.broker.certs.CertificateFiles;
import dev.onair.broker.mosquitto.MosquittoAcl;
import dev.onair.broker.mosquitto.MosquittoConf;
import dev.onair.broker.mosquitto.MosquittoExport;
import dev.onair.protocol.topic.Topics;
import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.StartupException;
import dev.onair.runtime.config.TopicsOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code users export --format mosquitto --out DIR}: the users, their roles' ACLs and a ready configuration for
 * Mosquitto 2, so a household or office that outgrows the Pi moves without anyone entering a password again.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Write the users for another broker: --format mosquitto writes password_file, acl_file and "
                + "mosquitto.conf into --out.")
public final class UsersExport extends OnUsersFile implements Callable<Integer> {
    /** The broker this export is for; one so far. */
    enum Format {
        mosquitto
    }

    @Override
    public Set<String> sharedKeys() {
        return Set.of("file", "topic-prefix", "discovery-prefix");
    }

    @Option(names = "--format", paramLabel = "FORMAT", required = true, description = "mosquitto (required).")
    Format format;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder to write the files into.")
    Path out;

    @Option(
            names = "--mosquitto-dir",
            paramLabel = "DIR",
            description = "Where password_file and acl_file will be on the Mosquitto host (default: --out).")
    Path mosquittoDir;

    @Option(
            names = "--certs",
            paramLabel = "DIR",
            description = "Where OnAir's server.crt and server.key will be on the Mosquitto host "
                    + "(default: ${DEFAULT-VALUE}, from ./onair certs).")
    Path certs = CertificateFiles.DEFAULT_DIR;

    @Option(names = "--port", paramLabel = "N", description = "TLS port (default: ${DEFAULT-VALUE}).")
    int port = BrokerConfig.DEFAULT_TLS_PORT;

    @Option(
            names = "--ws-port",
            paramLabel = "N",
            description = "Secure WebSocket port, 0 = none (default: ${DEFAULT-VALUE}).")
    int wsPort = BrokerConfig.DEFAULT_WS_PORT;

    @Option(
            names = "--persistence-location",
            paramLabel = "DIR",
            description = "Mosquitto's data folder (default: left to the main mosquitto.conf; Debian's sets one).")
    Path persistenceLocation;

    @Mixin
    TopicsOptions prefixes = new TopicsOptions(
            "P",
            "Topic prefix (default: ${DEFAULT-VALUE}).",
            "Home Assistant discovery prefix (default: ${DEFAULT-VALUE}).");

    @Override
    public Integer call() {
        ConfigErrors errors = new ConfigErrors();
        Topics topics = prefixes.topics(errors);
        MosquittoConf conf = errors.check(
                "--port",
                () -> new MosquittoConf(
                        mosquittoDir == null ? out : mosquittoDir, certs, port, wsPort, persistenceLocation));
        errors.throwIfAny();
        try {
            Users users = UsersFile.load(file);
            if (users.size() == 0) {
                throw new StartupException(
                        "no users in " + file + " to export; add them first: ./onair users add NAME --role ROLE");
            }
            MosquittoExport.Result result = new MosquittoExport(new MosquittoAcl(topics), conf).write(users, out);
            System.out.println("Wrote " + out.resolve(MosquittoExport.PASSWORD_FILE) + " ("
                    + result.exported().size() + " of " + users.size() + " users), "
                    + out.resolve(MosquittoExport.ACL_FILE) + " and " + out.resolve(MosquittoExport.CONF_FILE));
            if (!result.notExported().isEmpty()) {
                System.out.println("Not in password_file: these users' passwords are still in the old pbkdf2-sha256 "
                        + "form, which Mosquitto cannot read. Set each password again (the same one is fine), "
                        + "then export again:");
                for (User u : result.notExported()) {
                    boolean mapped = u.id() != null && !u.id().equals(u.name());
                    System.out.println("  ./onair users add " + u.name() + " --role "
                            + u.role().key() + (mapped ? " --id " + u.id() : "") + " --file " + file);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }
}
