package dev.onair.app;

import dev.onair.runtime.config.ConfigErrors;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code onair healthcheck}: exit 0 when a node answers, 1 when not; what docker compose's health checks run (the
 * runtime image has no curl). {@code --http URL} wants a 2xx answer; {@code --tls HOST:PORT} wants a completed TLS
 * handshake (the broker's listener is up and serving its certificate; who it is does not matter here, so any
 * certificate is accepted and nothing is sent).
 */
@Command(
        name = "healthcheck",
        mixinStandardHelpOptions = true,
        description = "Exit 0 if a node answers: --http http://localhost:5000/healthz, or --tls localhost:8883.")
public final class HealthcheckCommand implements Callable<Integer> {
    @Option(names = "--http", paramLabel = "URL", description = "An HTTP URL that must answer 2xx.")
    String http;

    @Option(names = "--tls", paramLabel = "HOST:PORT", description = "A TLS listener that must complete a handshake.")
    String tls;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "5",
            description = "How long to wait (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 5;

    @Override
    public Integer call() {
        ConfigErrors errors = new ConfigErrors();
        errors.require(http != null || tls != null, "--http or --tls: give at least one");
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
            ok &= checkTls(tlsAddress, timeout);
        }
        return ok ? 0 : 1;
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

    private static boolean checkTls(InetSocketAddress address, Duration timeout) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyCertificate()}, new SecureRandom());
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(
                        new InetSocketAddress(address.getHostString(), address.getPort()), (int) timeout.toMillis());
                socket.setSoTimeout((int) timeout.toMillis());
                socket.startHandshake();
                System.out.println(address.getHostString() + ":" + address.getPort() + ": TLS "
                        + socket.getSession().getProtocol());
                return true;
            }
        } catch (IOException | java.security.GeneralSecurityException e) {
            System.err.println(address.getHostString() + ":" + address.getPort() + ": " + e);
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

    /** The health check only asks whether TLS is served; trusting is the clients' job. */
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
