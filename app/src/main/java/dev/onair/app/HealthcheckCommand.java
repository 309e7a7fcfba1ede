package dev.onair.app;

import dev.onair.broker.health.HealthLogin;
import dev.onair.runtime.config.ConfigErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair healthcheck}: exit 0 when a node answers, 1 when not; what docker compose's health checks run (the
 * runtime image has no curl). {@code --http URL} wants a 2xx answer; {@code --tls HOST:PORT} wants an MQTT login over
 * TLS accepted with a CONNACK (issue 11: a broker whose store failed keeps its TLS port open and never answers a
 * CONNECT). It logs in as {@code --user} with the password in {@code --password-file}; by default the broker's own
 * health check login ({@link HealthLogin}), whose password file the broker writes on its own machine, so this works
 * where the broker runs (its container). Any certificate is accepted: who the broker is does not matter here.
 * {@code --health-file FILE} wants a file an MQTT client node (the bridge: {@code onair bridge --health-file FILE})
 * rewrote within {@code --max-age} seconds, which it does only while connected.
 */
@Command(
        name = "healthcheck",
        mixinStandardHelpOptions = true,
        description = "Exit 0 if a node answers: --http http://localhost:5000/healthz, --tls localhost:8883, "
                + "or --health-file FILE (an MQTT client node's heartbeat).")
public final class HealthcheckCommand implements Callable<Integer> {
    @Option(names = "--http", paramLabel = "URL", description = "An HTTP URL that must answer 2xx.")
    String http;

    @Option(
            names = "--tls",
            paramLabel = "HOST:PORT",
            description = "An MQTT over TLS listener that must accept a login (see --user).")
    String tls;

    @Option(
            names = "--health-file",
            paramLabel = "FILE",
            description = "A heartbeat file that must be fresher than --max-age (onair bridge --health-file).")
    Path healthFile;

    @Option(
            names = "--max-age",
            paramLabel = "SECONDS",
            description = "How old --health-file may be (default: ${DEFAULT-VALUE}; the bridge rewrites it every 10).")
    int maxAgeSeconds = 30;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            description = "The user --tls logs in as (default: the broker's own health check user).")
    String user = HealthLogin.USER;

    @Option(
            names = "--password-file",
            paramLabel = "FILE",
            description = "The password of --user (default: the file the broker on --tls's port writes for its"
                    + " health check user, in the temporary folder).")
    Path passwordFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 5;

    @Override
    public Integer call() {
        ConfigErrors errors = new ConfigErrors();
        errors.require(
                http != null || tls != null || healthFile != null, "--http, --tls or --health-file: give at least one");
        errors.require(maxAgeSeconds > 0, "--max-age: " + maxAgeSeconds + " must be at least 1");
        errors.require(timeoutSeconds > 0, "--timeout: " + timeoutSeconds + " must be at least 1");
        InetSocketAddress tlsAddress = tls == null ? null : errors.check("--tls", () -> hostPort(tls));
        URI uri = http == null ? null : errors.check("--http", () -> httpUri(http));
        errors.throwIfAny();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        boolean ok = true;
        if (uri != null) {
            ok = checkHttp(uri, timeout);
        }
        if (tlsAddress != null) {
            Path file = passwordFile != null ? passwordFile : HealthLogin.secretFile(tlsAddress.getPort());
            ok &= checkMqtt(tlsAddress, timeout, user, file);
        }
        if (healthFile != null) {
            ok &= checkFile(healthFile, Duration.ofSeconds(maxAgeSeconds));
        }
        return ok ? 0 : 1;
    }

    private static boolean checkFile(Path file, Duration maxAge) {
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            Duration age = Duration.between(modified, Instant.now());
            if (age.compareTo(maxAge) <= 0) {
                System.out.println(file + ": " + Math.max(0, age.toSeconds()) + " s old");
                return true;
            }
            System.err.println(file + ": " + age.toSeconds() + " s old, more than " + maxAge.toSeconds()
                    + " s: the node has not been connected since");
        } catch (NoSuchFileException e) {
            System.err.println(file + ": missing (the node is not connected, or not running)");
        } catch (IOException e) {
            System.err.println(file + ": " + e);
        }
        return false;
    }

    private static boolean checkHttp(URI uri, Duration timeout) {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                System.out.println(uri + ": " + response.statusCode());
                return true;
            }
            System.err.println(uri + ": HTTP " + response.statusCode());
        } catch (IOException e) {
            System.err.println(uri + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static boolean checkMqtt(InetSocketAddress address, Duration timeout, String user, Path passwordFile) {
        String where = address.getHostString() + ":" + address.getPort();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(
                        new InetSocketAddress(address.getHostString(), address.getPort()), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
                String password;
                try {
                    password = Files.readString(passwordFile, StandardCharsets.UTF_8)
                            .strip();
                } catch (IOException e) {
                    System.err.println(
                            where + ": cannot read the password of " + user + " from " + passwordFile + ": " + e);
                    return false;
                }
                int code = MqttLogin.connect(socket, user, password);
                if (code != 0) {
                    System.err.println(
                            where + ": CONNACK refused the login of " + user + " (return code " + code + ")");
                    return false;
                }
                System.out.println(where + ": MQTT login accepted over "
                        + socket.getSession().getProtocol());
                return true;
            }
        } catch (java.net.SocketTimeoutException e) {
            System.err.println(where + ": no CONNACK within " + timeout.toSeconds() + " s");
            return false;
        } catch (IOException | java.security.GeneralSecurityException e) {
            System.err.println(where + ": " + e);
            return false;
        }
    }

    static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, e.g. localhost:8883");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no port number, e.g. localhost:8883");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
        return InetSocketAddress.createUnresolved(text.substring(0, colon), port);
    }

    static URI httpUri(String text) {
        URI uri = URI.create(text);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an http(s) URL, e.g. http://localhost:5000/healthz");
        }
        return uri;
    }

    /** The health check only asks whether the broker answers; trusting it is the clients' job. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
