package dev.onair.broker;

import dev.onair.broker.net.PlainLoopbackListener;
import java.util.Properties;

/**
 * The Moquette configuration OnAir runs: TLS and secure WebSocket only (the plain listener is OnAir's own, see {@link
 * PlainLoopbackListener}), no anonymous access, persistence with a short autosave, and the limits the connection gate
 * relies on. Each choice says why.
 */
final class MoquetteSettings {
    private MoquetteSettings() {}

    static Properties of(BrokerConfig config) {
        Properties p = new Properties();
        p.setProperty("host", config.host());
        // Moquette's own plain listener is off: it would bind config.host(), not loopback (see PlainLoopbackListener).
        p.setProperty("port", "disabled");
        p.setProperty("websocket_port", "disabled");
        p.setProperty("ssl_port", Integer.toString(config.tlsPort()));
        if (config.wsPort() != 0) {
            p.setProperty("secure_websocket_port", Integer.toString(config.wsPort()));
            p.setProperty("websocket_path", BrokerConfig.WEBSOCKET_PATH);
        }
        p.setProperty("allow_anonymous", "false");
        p.setProperty("allow_zero_byte_client_id", "true");
        // A persistent session keeps its subscriptions across restarts; check them against today's users and ACLs.
        p.setProperty("reauthorize_subscriptions_on_connect", "true");
        p.setProperty("telemetry_enabled", "false");
        // No topic aliases: the connection gate judges each PUBLISH by its topic name.
        p.setProperty("topic_alias_maximum", "0");
        // One interceptor thread: a client's connect, disconnect and connection-lost events stay in order
        // (RetainedWills depends on it).
        p.setProperty("intercept.thread_pool.size", "1");
        // Moquette queues each session loop's commands in a bounded queue (1,024 by default) and rejects commands when
        // it is full ("Session command queue ... is full", seen in bench/ at 10,000 messages a second): more room
        // for bursts. Presence traffic is far below this.
        p.setProperty("session_queue_size", "16384");
        p.setProperty("netty.native", "false");
        p.setProperty("persistence_enabled", "true");
        p.setProperty("persistent_queue_type", "segmented");
        p.setProperty("data_path", config.dataDir().toAbsolutePath() + "/");
        p.setProperty("autosave_interval", Integer.toString(OnAirBroker.AUTOSAVE_SECONDS));
        p.setProperty("buffer_flush_millis", "0");
        // Home Assistant discovery configs are a few kilobytes; Moquette's default limit is 8092 bytes.
        p.setProperty("netty.mqtt.message_size", Integer.toString(256 * 1024));
        return p;
    }
}
