package dev.onair.broker;

import dev.onair.runtime.mqtt.BrokerSettings;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An MQTT 5 client written on a TLS socket, for tests that must control what a library would do for them: when (and
 * whether) a QoS 1 PUBLISH is acknowledged. Every packet the broker sends is kept, in order, with its raw bytes.
 */
final class RawMqtt5 implements AutoCloseable {
    /** One packet from the broker: its fixed-header byte and the rest. */
    record Packet(int header, byte[] body) {
        int type() {
            return header >> 4;
        }

        int qos() {
            return (header >> 1) & 3;
        }

        /** A PUBLISH's topic. */
        String topic() {
            return new String(body, 2, u16(0), StandardCharsets.UTF_8);
        }

        /** A QoS 1 or 2 PUBLISH's packet identifier. */
        int packetId() {
            return u16(2 + u16(0));
        }

        /** A PUBLISH's payload (after the topic, packet identifier and properties). */
        String payload() {
            int at = 2 + u16(0) + (qos() > 0 ? 2 : 0);
            int[] length = varInt(body, at);
            int start = length[1] + length[0];
            return new String(body, start, body.length - start, StandardCharsets.UTF_8);
        }

        /** A CONNACK's reason code. */
        int connackReason() {
            return body[1] & 0xFF;
        }

        private int u16(int at) {
            return ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
        }
    }

    static final int CONNACK = 2;
    static final int PUBLISH = 3;
    static final int SUBACK = 9;

    private final SSLSocket socket;
    private final OutputStream out;
    private final BlockingQueue<Packet> packets = new LinkedBlockingQueue<>();
    private final Thread reader;

    private RawMqtt5(SSLSocket socket, UnaryOperator<InputStream> reading) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(reading.apply(socket.getInputStream()));
        reader = new Thread(() -> read(in), "raw-mqtt5-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a TLS connection and sends CONNECT (clean start) with {@code receiveMaximum}; returns the CONNACK. */
    static RawMqtt5 connect(BrokerSettings settings, String clientId, int receiveMaximum) throws Exception {
        return connect(settings, clientId, receiveMaximum, 0, UnaryOperator.identity());
    }

    /**
     * As {@link #connect(BrokerSettings, String, int)}, with the socket's receive buffer set to {@code receiveBuffer}
     * bytes (0: the system's) and the decrypted bytes read through {@code reading} (a slow reader, say).
     */
    static RawMqtt5 connect(
            BrokerSettings settings,
            String clientId,
            int receiveMaximum,
            int receiveBuffer,
            UnaryOperator<InputStream> reading)
            throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, TlsTrust.trustManagerFactory(settings).getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connect, so the TCP window is small from the start
        }
        socket.connect(new InetSocketAddress(
                settings.address().host(), settings.address().port()));
        socket.setEnabledProtocols(TlsTrust.PROTOCOLS.toArray(String[]::new));
        RawMqtt5 client = new RawMqtt5(socket, reading);
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        string(v, "MQTT");
        v.write(5); // protocol level: MQTT 5
        v.write(0x80 | 0x40 | 0x02); // user name, password, clean start
        v.write(0);
        v.write(60); // keep alive, seconds
        v.write(3); // properties: 3 bytes
        v.write(0x21); // Receive Maximum
        v.write(receiveMaximum >> 8);
        v.write(receiveMaximum & 0xFF);
        string(v, clientId);
        string(v, settings.user());
        string(v, settings.password());
        client.send(0x10, v.toByteArray());
        Packet connack = client.next(20);
        if (connack.type() != CONNACK || connack.connackReason() != 0) {
            client.close();
            throw new IllegalStateException("not connected: packet type " + connack.type() + ", reason 0x"
                    + Integer.toHexString(connack.connackReason()));
        }
        return client;
    }

    /** Sends SUBSCRIBE for {@code filter} at QoS 1 with {@code packetId}; the SUBACK arrives among the packets. */
    void subscribe(int packetId, String filter) throws IOException {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(packetId >> 8);
        v.write(packetId & 0xFF);
        v.write(0); // no properties
        string(v, filter);
        v.write(1); // QoS 1
        send(0x82, v.toByteArray());
    }

    /** Acknowledges a QoS 1 PUBLISH. */
    void puback(int packetId) throws IOException {
        send(0x40, new byte[] {(byte) (packetId >> 8), (byte) packetId});
    }

    /** The next packet from the broker, waiting at most {@code seconds}. */
    Packet next(int seconds) throws InterruptedException {
        Packet p = packets.poll(seconds, TimeUnit.SECONDS);
        if (p == null) {
            throw new IllegalStateException("no packet from the broker within " + seconds + " s");
        }
        return p;
    }

    private synchronized void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(header);
        int length = body.length;
        do {
            int digit = length % 128;
            length /= 128;
            packet.write(length > 0 ? digit | 0x80 : digit);
        } while (length > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private void read(DataInputStream in) {
        try {
            while (true) {
                int header = in.readUnsignedByte();
                int length = 0;
                int shift = 0;
                int b;
                do {
                    b = in.readUnsignedByte();
                    length |= (b & 0x7F) << shift;
                    shift += 7;
                } while ((b & 0x80) != 0);
                byte[] body = new byte[length];
                in.readFully(body);
                packets.add(new Packet(header, body));
            }
        } catch (EOFException | java.net.SocketException e) {
            // closed
        } catch (IOException e) {
            packets.add(new Packet(0, e.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.writeBytes(bytes);
    }

    /** A variable byte integer at {@code at}: {value, bytes used}. */
    private static int[] varInt(byte[] data, int at) {
        int value = 0;
        int i = 0;
        int b;
        do {
            b = data[at + i] & 0xFF;
            value |= (b & 0x7F) << (7 * i);
            i++;
        } while ((b & 0x80) != 0);
        return new int[] {value, at + i};
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
