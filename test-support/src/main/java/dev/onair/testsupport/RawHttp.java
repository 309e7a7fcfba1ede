package dev.onair.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request with exactly the headers given, as an attacker's browser puts it on the wire. The JDK's
 * {@code HttpClient} refuses to set {@code Host}, and a DNS-rebinding attack is all about that header.
 */
public final class RawHttp {
    private RawHttp() {}

    /** The status code and body of an answer. */
    public record Answer(int status, String headers, String body) {}

    /** A request to 127.0.0.1:{@code port}; {@code headers} are sent in order, plus Content-Length and Connection. */
    public static Answer send(int port, String method, String path, Map<String, String> headers, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Length", Integer.toString(payload.length));
        all.put("Connection", "close");
        all.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new Answer(status, head, rest);
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP request to 127.0.0.1:" + port + path + " failed", e);
        }
    }
}
