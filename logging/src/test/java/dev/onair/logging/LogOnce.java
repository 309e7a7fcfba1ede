package dev.onair.logging;

import org.slf4j.LoggerFactory;

/** What a node does at start-up, for {@link OnAirLoggingProcessTest}'s child JVM: log a few lines, then exit. */
public final class LogOnce {

    private LogOnce() {}

    public static void main(String[] args) {
        var log = LoggerFactory.getLogger(LogOnce.class);
        log.info("hello");
        log.debug("details");
        LoggerFactory.getLogger("io.netty.channel.Noise").info("netty info");
        LoggerFactory.getLogger("io.netty.channel.Noise").warn("netty warn");
    }
}
