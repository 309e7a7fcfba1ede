package dev.onair.broker.net;

import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Netty's NIO listening channel with OnAir's gate installer first in its pipeline from construction, so before the
 * port is bound (see {@link GateInstaller}). Public with a no-argument constructor because Netty makes it by
 * reflection from the class Moquette is given. Ahead of the installer: the {@link ConnectionRateLimit}, so an
 * address over its limit costs no TLS handshake.
 */
public final class GatedServerChannel extends NioServerSocketChannel {
    public GatedServerChannel() {
        pipeline().addFirst(GateInstaller.INSTALLER, GateInstaller.acceptorForNewListener());
        // First of all: a connection over its address's limit is closed before it reaches TLS.
        pipeline().addFirst(GateInstaller.RATE_LIMIT, GateInstaller.rateLimitForNewListener());
    }
}
