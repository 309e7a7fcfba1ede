package dev.onair.runtime.lifecycle;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks on the {@code Host} and {@code Origin} headers of a request that changes something, for the HTTP endpoints
 * that take control requests (the publisher's push ingress, the dashboard's controls). They stop the two ways a web
 * page in the user's own browser reaches a server on this machine:
 *
 * <ul>
 *   <li><b>Cross-site request forgery</b>: a page on another origin posts to {@code http://127.0.0.1:8080/status}.
 *       Browsers send {@code Origin} on every cross-origin POST, so a request whose {@code Origin} is not the server
 *       itself is refused. Scripts and PowerShell send no {@code Origin} and pass.
 *   <li><b>DNS rebinding</b>: {@code evil.example} is made to resolve to 127.0.0.1, so the page is "same origin" with
 *       the server, but the browser still sends {@code Host: evil.example}. A loopback-only endpoint therefore takes
 *       only loopback host names, matched as text: resolving the name would ask the attacker's DNS server.
 * </ul>
 */
public final class BrowserOrigin {
    private BrowserOrigin() {}

    /**
     * Whether a {@code Host} header names this machine's loopback interface: {@code localhost} (and names under
     * {@code .localhost}, which RFC 6761 reserves for it), an address in 127.0.0.0/8 or {@code [::1]}, with any port.
     */
    public static boolean isLoopbackHost(String host) {
        String name = hostName(host);
        if (name == null) {
            return false;
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")) {
            return true;
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a request's {@code Origin} is the server it was sent to ({@code Host}), or absent (not a browser, or a
     * same-origin GET). The opaque origin {@code null} (sandboxed frames, {@code file:} pages) is refused.
     */
    public static boolean isSameOrigin(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return false;
        }
        int defaultPort = scheme.equals("http") ? 80 : 443;
        String originAuthority =
                uri.getHost().toLowerCase(Locale.ROOT) + ":" + (uri.getPort() == -1 ? defaultPort : uri.getPort());
        return originAuthority.equals(authority(host, defaultPort));
    }

    /** The host name of a {@code Host} header, lower case, without the port; null when it is not one. */
    private static String hostName(String host) {
        if (host == null) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')) {
            return null;
        }
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0 || !(end == h.length() - 1 || h.charAt(end + 1) == ':')) {
                return null;
            }
            return h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) >= 0) {
            return null;
        }
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static String authority(String host, int defaultPort) {
        String name = hostName(host);
        if (name == null) {
            return null;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        String rest = h.substring(h.indexOf(name) + name.length());
        String port = rest.startsWith(":") ? rest.substring(1) : "";
        return name + ":" + (port.isEmpty() ? defaultPort : port);
    }
}
