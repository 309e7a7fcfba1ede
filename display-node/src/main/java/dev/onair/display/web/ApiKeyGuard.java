package dev.onair.display.web;

import dev.onair.runtime.lifecycle.BrowserOrigin;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UnauthorizedResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Guards the endpoints that change something (CONTRACT.md section 9): with an API key configured, the request must
 * carry it in {@code X-API-Key}; without one, only requests from this machine are accepted. Control requests must
 * also be JSON, so a web page elsewhere cannot send one as a plain form post (browsers preflight JSON), must not come
 * from a page on another origin, and without a key must name a loopback host (see {@link BrowserOrigin}).
 */
final class ApiKeyGuard {
    static final String HEADER = "X-API-Key";

    private final byte[] key;

    ApiKeyGuard(String apiKey) {
        this.key = apiKey == null ? null : apiKey.getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpResponseException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(), "send the command as application/json");
        }
        String host = ctx.header("Host");
        if (!BrowserOrigin.isSameOrigin(ctx.header("Origin"), host)) {
            throw new ForbiddenResponse("controls from a web page on another Origin are refused");
        }
        if (key == null) {
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                throw new ForbiddenResponse(
                        "controls are accepted from this machine only; start the display with --api-key to allow "
                                + "them from elsewhere");
            }
            // DNS rebinding: a page on evil.example resolved to 127.0.0.1 is "same origin" and local, but says
            // Host: evil.example. The allow-list is the loopback names, matched as text.
            if (!BrowserOrigin.isLoopbackHost(host)) {
                throw new ForbiddenResponse(
                        "controls without an API key need Host localhost, 127.0.0.1 or [::1]; open the dashboard by "
                                + "one of those names");
            }
            return;
        }
        String given = ctx.header(HEADER);
        // Constant-time comparison, so the key cannot be guessed a byte at a time from response times.
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedResponse("missing or wrong " + HEADER + " header");
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
