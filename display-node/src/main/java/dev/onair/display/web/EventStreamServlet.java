package dev.onair.display.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/events} (CONTRACT.md section 9) as an asynchronous servlet beside Javalin's: Javalin's SSE client
 * writes with blocking I/O, which needs a thread per stream; this one hands each stream to the {@link EventHub} and
 * returns its thread at once (issue 15). Admission is decided before any byte is sent, so a refused stream gets its
 * status: 429 for an address at its own limit, 503 when the server holds its most.
 */
final class EventStreamServlet extends HttpServlet {
    private static final Logger log = LoggerFactory.getLogger(EventStreamServlet.class);

    private final transient EventHub hub;
    private final transient StreamLimit limit;
    private final transient Supplier<List<byte[]>> snapshot;

    EventStreamServlet(EventHub hub, StreamLimit limit, Supplier<List<byte[]>> snapshot) {
        this.hub = hub;
        this.limit = limit;
        this.snapshot = snapshot;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        BrowserHeaders.add(res::setHeader);
        // The TCP peer's address, never a forwarded-for header a client can write.
        String address = req.getRemoteAddr();
        StreamLimit.Refusal refusal = limit.tryAcquire(address);
        if (refusal != null) {
            refuse(res, address, refusal);
            return;
        }
        EventStream stream = null;
        try {
            res.setStatus(HttpServletResponse.SC_OK);
            res.setContentType("text/event-stream");
            res.setCharacterEncoding("UTF-8");
            res.setHeader("Cache-Control", "no-cache");
            // nginx and similar proxies would otherwise hold events back to fill their buffers.
            res.setHeader("X-Accel-Buffering", "no");
            AsyncContext async = req.startAsync();
            async.setTimeout(0);
            ServletOutputStream out = res.getOutputStream();
            EventStream[] self = new EventStream[1];
            self[0] = new EventStream(async, out, hub.capacity(), hub.writers(), System::nanoTime, () -> {
                hub.remove(self[0]);
                limit.release(address);
            });
            stream = self[0];
            // Non-blocking from here on, before anything is queued: a write made earlier would be a blocking one.
            // Jetty calls onWritePossible at once, and again each time a write it could not finish has gone out.
            out.setWriteListener(stream);
            hub.add(stream, snapshot);
        } catch (RuntimeException e) {
            if (stream != null) {
                stream.close();
            } else {
                limit.release(address);
            }
            throw e;
        }
    }

    private void refuse(HttpServletResponse res, String address, StreamLimit.Refusal refusal) throws IOException {
        String message;
        if (refusal == StreamLimit.Refusal.ADDRESS_FULL) {
            log.warn("Refused an event stream from {}: it holds {} already", address, limit.perAddress());
            res.setStatus(429);
            message = "this address holds " + limit.perAddress() + " event streams already; close a dashboard";
        } else {
            log.warn("Refused an event stream from {}: the dashboard serves {} already", address, limit.total());
            res.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            res.setHeader("Retry-After", "30");
            message = "the dashboard serves " + limit.total() + " event streams already; try again later";
        }
        res.setContentType("text/plain; charset=utf-8");
        res.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
    }
}
