package dev.onair.publisher.discovery;

import dev.onair.runtime.mqtt.BrokerAddress;
import dev.onair.runtime.mqtt.TlsTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the broker on the local network by mDNS when none is configured: browses {@code _secure-mqtt._tcp.local.}
 * and accepts a broker only if its TXT {@code ca_sha256} is the fingerprint the publisher already trusts (the
 * configured {@code --ca-sha256}, or the CA file's), so a stranger's broker on the same network is never used
 * (CONTRACT.md section 8).
 */
public final class BrokerDiscovery {
    private static final Logger log = LoggerFactory.getLogger(BrokerDiscovery.class);

    /** The service type the OnAir broker advertises. */
    public static final String SERVICE_TYPE = "_secure-mqtt._tcp.local.";

    /** One advertised broker. */
    public record Advert(String name, String host, List<String> addresses, int port, String caSha256) {}

    private final Set<String> fingerprints;

    /** @param fingerprints the CA fingerprints to accept (hex, any case, colons allowed) */
    public BrokerDiscovery(Set<String> fingerprints) {
        this.fingerprints =
                fingerprints.stream().map(TlsTrust::normaliseFingerprint).collect(java.util.stream.Collectors.toSet());
    }

    /** Browses for up to {@code timeout}; empty when no acceptable broker answered. */
    public Optional<BrokerAddress> find(Duration timeout) {
        return choose(browse(timeout));
    }

    /** Every OnAir broker that answered within {@code timeout}, trusted or not (setup shows them to choose). */
    public static List<Advert> browse(Duration timeout) {
        try (JmDNS mdns = JmDNS.create(InetAddress.getLocalHost())) {
            List<Advert> adverts = new ArrayList<>();
            for (ServiceInfo info : mdns.list(SERVICE_TYPE, timeout.toMillis())) {
                adverts.add(new Advert(
                        info.getName(),
                        info.getServer(),
                        List.of(info.getHostAddresses()),
                        info.getPort(),
                        info.getPropertyString("ca_sha256")));
            }
            return adverts;
        } catch (IOException e) {
            log.warn("mDNS browsing failed: {}", e.toString());
            return List.of();
        }
    }

    /** The first advert whose {@code ca_sha256} is trusted, as a TLS broker address. */
    public Optional<BrokerAddress> choose(List<Advert> adverts) {
        for (Advert a : adverts) {
            String fingerprint = a.caSha256() == null ? "" : TlsTrust.normaliseFingerprint(a.caSha256());
            if (!fingerprints.contains(fingerprint)) {
                log.warn(
                        "Ignoring the broker '{}' at {}:{}: its CA fingerprint is not the one this publisher trusts",
                        a.name(),
                        a.host(),
                        a.port());
                continue;
            }
            String host = reachableName(a);
            if (host == null) {
                continue;
            }
            log.info("Found the broker '{}' by mDNS at {}:{}", a.name(), host, a.port());
            return Optional.of(new BrokerAddress(host, a.port(), true));
        }
        return Optional.empty();
    }

    /**
     * The advertised host name when it resolves (the broker's certificate names it), else its first address.
     */
    private static String reachableName(Advert a) {
        String host = a.host() == null ? null : a.host().replaceFirst("\\.$", "");
        if (host != null && !host.isEmpty()) {
            try {
                InetAddress.getByName(host);
                return host;
            } catch (UnknownHostException e) {
                log.debug("{} does not resolve here; using its address", host);
            }
        }
        return a.addresses().isEmpty() ? null : a.addresses().get(0);
    }
}
