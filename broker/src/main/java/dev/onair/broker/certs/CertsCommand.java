package dev.onair.broker.certs;

import dev.onair.runtime.config.ConfigErrors;
import dev.onair.runtime.config.ConfigOption;
import dev.onair.runtime.config.PerInvocation;
import dev.onair.runtime.config.StartupException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./onair certs --host NAME [--ip ADDR]... [--out DIR]}: makes the CA and the broker's certificate. */
@Command(
        name = "certs",
        mixinStandardHelpOptions = true,
        description = "Create a CA and a TLS server certificate for the broker (SANs: the host, host.local, the given "
                + "IPs, localhost, 127.0.0.1, ::1). Writes ca.crt, ca.key, server.crt, server.key (PEM) and "
                + "server.p12 (PKCS12), and prints the CA's SHA-256 fingerprint.")
public final class CertsCommand implements Callable<Integer>, PerInvocation {
    /** Only the output folder may come from ONAIR_OUT or the YAML file; ONAIR_HOST is the broker's listen address. */
    @Override
    public Set<String> sharedKeys() {
        return Set.of("out");
    }

    @Mixin
    ConfigOption config;

    @Option(names = "--host", paramLabel = "NAME", description = "The broker's host name, e.g. onair-pi (required).")
    String host;

    @Option(
            names = "--ip",
            paramLabel = "ADDR",
            description = "An IP address clients use to reach the broker (repeat).")
    List<String> ips = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: ${DEFAULT-VALUE}).")
    Path out = CertificateFiles.DEFAULT_DIR;

    @Option(names = "--force", description = "Replace an existing CA (every client must then get the new ca.crt).")
    boolean force;

    @Override
    public Integer call() {
        ConfigErrors errors = new ConfigErrors();
        if (host == null || host.isBlank()) {
            errors.add("--host: required, e.g. --host onair-pi (the name clients use for the broker)");
        } else if (!host.matches("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*")) {
            errors.add("--host: '" + host + "' is not a DNS host name");
        }
        List<String> addresses = new ArrayList<>();
        for (String ip : ips) {
            String a = errors.check("--ip", () -> CertificateAuthority.requireIp(ip));
            if (a != null) {
                addresses.add(a);
            }
        }
        errors.throwIfAny();
        if (Files.exists(out.resolve(CertificateFiles.CA_CRT)) && !force) {
            throw new StartupException(out.resolve(CertificateFiles.CA_CRT) + " already exists; a new CA means every "
                    + "client needs the new ca.crt. Add --force to replace it, or use another --out.");
        }
        try {
            CertificateFiles.Written w = CertificateFiles.create(
                    out, host.toLowerCase(Locale.ROOT), addresses, CertificateFiles.DEFAULT_KEYSTORE_PASSWORD);
            print(System.out, w);
            return 0;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("cannot write the certificates to " + out + ": " + e.getMessage(), e);
        }
    }

    static void print(PrintStream o, CertificateFiles.Written w) {
        o.println("Wrote " + w.dir().resolve(CertificateFiles.CA_CRT) + " (give this to every client), "
                + CertificateFiles.CA_KEY + ", " + CertificateFiles.SERVER_CRT + ", " + CertificateFiles.SERVER_KEY
                + ", " + CertificateFiles.SERVER_P12 + " in " + w.dir());
        o.println("Server certificate names: " + String.join(", ", w.dnsNames()) + "; addresses: "
                + String.join(", ", w.ipAddresses()));
        o.println("CA SHA-256 fingerprint: " + w.caSha256());
        o.println("                        " + colons(w.caSha256()));
        o.println("Keep ca.key, server.key and server.p12 private (they are readable by you only).");
    }

    /** {@code ab12...} as {@code AB:12:...}, the form openssl and browsers show. */
    static String colons(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }
}
