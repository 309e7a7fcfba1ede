package dev.onair.broker.mdns;

import dev.onair.runtime.lifecycle.Component;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Advertises the broker as {@code _secure-mqtt._tcp.local.} with TXT {@code ca_sha256=<hex>} (CONTRACT.md section 8),
 * so a work PC can find it and pin its CA. Bound to a real interface address: {@code InetAddress.getLocalHost()} is
 * often 127.0.1.1 on a Raspberry Pi, which would announce the broker where nobody can reach it.
 *
 * <p>mDNS is a convenience: when no usable interface exists, or jmdns fails, start-up logs it and continues.
 */
public final class MdnsAdvertiser implements Component {
    public static final String SERVICE_TYPE = "_secure-mqtt._tcp.local.";

    private static final Logger log = LoggerFactory.getLogger(MdnsAdvertiser.class);

    private final String instanceName;
    private final int port;
    private final String caSha256;
    private JmDNS jmdns;

    /**
     * @param instanceName the service instance name, e.g. "OnAir on onair-pi"
     * @param port the TLS port to advertise
     * @param caSha256 the CA fingerprint for the TXT record
     */
    public MdnsAdvertiser(String instanceName, int port, String caSha256) {
        this.instanceName = instanceName;
        this.port = port;
        this.caSha256 = caSha256;
    }

    @Override
    public void start() {
        Optional<InetAddress> address = pickAddress();
        if (address.isEmpty()) {
            log.warn("mDNS: no non-loopback network interface is up; the broker is not advertised "
                    + "(clients need --broker)");
            return;
        }
        try {
            jmdns = JmDNS.create(address.get(), "onair-broker");
            ServiceInfo info =
                    ServiceInfo.create(SERVICE_TYPE, instanceName, port, 0, 0, Map.of("ca_sha256", caSha256));
            jmdns.registerService(info);
            log.info("mDNS: advertising {} '{}' on {} port {}", SERVICE_TYPE, instanceName, address.get(), port);
        } catch (IOException | RuntimeException e) {
            log.warn("mDNS: cannot advertise the broker ({}); continuing without it", e.toString());
            stop();
        }
    }

    @Override
    public void stop() {
        if (jmdns != null) {
            try {
                jmdns.unregisterAllServices();
                jmdns.close();
            } catch (IOException | RuntimeException e) {
                log.debug("mDNS: close failed: {}", e.toString());
            }
            jmdns = null;
        }
    }

    @Override
    public String name() {
        return "mDNS advertiser";
    }

    /**
     * The address to advertise on: an IPv4 address of an interface that is up, not loopback, not point-to-point
     * (VPN) and not virtual, preferring private (site-local) addresses, then interface names in order.
     */
    static Optional<InetAddress> pickAddress() {
        List<NetworkInterface> interfaces;
        try {
            interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        } catch (SocketException | NullPointerException e) {
            return Optional.empty();
        }
        List<InetAddress> candidates = new ArrayList<>();
        for (NetworkInterface ni : interfaces) {
            try {
                if (!ni.isUp() || ni.isLoopback() || ni.isPointToPoint() || ni.isVirtual() || !ni.supportsMulticast()) {
                    continue;
                }
            } catch (SocketException e) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    candidates.add(a);
                }
            }
        }
        return candidates.stream().min(Comparator.comparing((InetAddress a) -> !a.isSiteLocalAddress()));
    }
}
