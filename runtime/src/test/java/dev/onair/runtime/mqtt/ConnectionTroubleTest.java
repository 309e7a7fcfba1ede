package dev.onair.runtime.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ConnectionTroubleTest {
    private final BrokerSettings alice =
            new BrokerSettings(BrokerAddress.parse("pi"), null, null, "alice", "s3cret-pw");

    @Test
    void plainDisconnect_andASingleCause_areNamedAsTheyAre() {
        assertThat(ConnectionTrouble.describe(null, alice)).isEqualTo("disconnected");
        assertThat(ConnectionTrouble.describe(new ConnectException("Connection refused"), alice))
                .isEqualTo("java.net.ConnectException: Connection refused");
    }

    @Test
    void wrappedCause_givesTheMessageAndTheRootCause() {
        IOException wrapped = new IOException("TLS handshake failed", new ConnectException("reset"));

        assertThat(ConnectionTrouble.describe(wrapped, alice))
                .isEqualTo("TLS handshake failed (java.net.ConnectException: reset)");
    }

    @Test
    void user_isNamed_orAnonymous_neverThePassword() {
        assertThat(ConnectionTrouble.user(alice)).isEqualTo("user 'alice'");
        assertThat(ConnectionTrouble.user(new BrokerSettings(BrokerAddress.parse("pi"), null, null, null, null)))
                .isEqualTo("anonymous");
        assertThat(ConnectionTrouble.describe(new IOException("x", new IOException("y")), alice))
                .doesNotContain("s3cret-pw");
    }
}
