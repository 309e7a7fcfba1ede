package dev.onair.app;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The health check's MQTT: one 3.1.1 CONNECT (clean session, an id the broker assigns) and its CONNACK, then
 * DISCONNECT. Written out because a whole client library would cost the health check, which Docker runs every 30
 * seconds, more start-up time than the check itself.
 */
final class MqttLogin {
    private MqttLogin() {}

    /** Sends CONNECT and returns the CONNACK's return code (0: accepted). */
    static int connect(Socket socket, String user, String password) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        string(body, "MQTT");
        body.write(4); // protocol level: 3.1.1
        body.write(0x80 | 0x40 | 0x02); // user name, password, clean session
        body.write(0);
        body.write(10); // keep alive, seconds
        string(body, ""); // the broker assigns a client id: no clash with a node's
        string(body, user);
        string(body, password);
        byte[] connect = body.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x10);
        int length = connect.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.writeBytes(connect);
        socket.getOutputStream().write(packet.toByteArray());
        socket.getOutputStream().flush();

        DataInputStream in = new DataInputStream(socket.getInputStream());
        int type = in.readUnsignedByte();
        int remaining = in.readUnsignedByte();
        if (type != 0x20 || remaining != 2) {
            throw new IOException("not a CONNACK: packet type " + (type >> 4) + ", length " + remaining);
        }
        in.readUnsignedByte(); // session present
        int code = in.readUnsignedByte();
        if (code == 0) {
            socket.getOutputStream().write(new byte[] {(byte) 0xE0, 0}); // DISCONNECT: no will, no lost connection
            socket.getOutputStream().flush();
        }
        return code;
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }
}
