package dev.onair.broker.net;

import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Netty's NIO listening channel with OnAir's gate installer first in its pipeline from construction, so before the
 * port is bound (see {@link GateInstaller}). Public with a no-argument constructor because Netty makes it by
 * reflection from the class Moquette is given.
 */
public final class GatedServerChannel extends NioServerSocketChannel {
    public GatedServerChannel() {
        pipeline().addFirst(GateInstaller.INSTALLER, GateInstaller.acceptorForNewListener());
    }
}
