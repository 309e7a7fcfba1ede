package dev.onair.display.web;

import io.javalin.http.Context;
import java.util.function.BiConsumer;

/**
 * The headers that keep a browser from being turned against the dashboard, on every answer: a Content-Security-Policy
 * that lets the page load only its own script, style and API (an injected name or status cannot run script), no
 * framing anywhere (clickjacking the controls), and no MIME sniffing (a JSON answer is never run as script).
 */
final class BrowserHeaders {
    /**
     * {@code app.js} sets styles through the CSSOM ({@code el.style.background}), which {@code style-src 'self'}
     * allows; only inline {@code style=""} attributes and {@code <style>} blocks would need {@code 'unsafe-inline'}.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private BrowserHeaders() {}

    static void add(Context ctx) {
        add(ctx::header);
    }

    /** The same headers through any setter (the event stream's servlet sets them on its own response). */
    static void add(BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Frame-Options", "DENY");
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("Referrer-Policy", "no-referrer");
    }
}
