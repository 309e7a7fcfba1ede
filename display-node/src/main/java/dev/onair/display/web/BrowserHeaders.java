package dev.onair.display.web;

import io.javalin.http.Context;

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
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private BrowserHeaders() {}

    static void add(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
