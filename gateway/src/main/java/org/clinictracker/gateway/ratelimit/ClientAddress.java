package org.clinictracker.gateway.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;

/**
 * Whom a public request is counted against: the address it came from, {@code getRemoteAddress()}. That is the TCP
 * peer, unless {@code CLINIC_FORWARD_HEADERS=native} (behind the Ingress) makes it the client the proxy names in
 * X-Forwarded-For / Forwarded; without that setting those headers are not believed, so a forged one buys no fresh
 * allowance. An IPv6 client is counted by its /64, the block one household or phone is given: counting every address
 * of it apart would let one device take thousands of allowances.
 */
final class ClientAddress {

    /** For the rare request whose address is unknown: they share one allowance rather than go unlimited. */
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    static String of(ServerWebExchange exchange) {
        return of(exchange.getRequest().getRemoteAddress());
    }

    static String of(InetSocketAddress remote) {
        if (remote == null) {
            return UNKNOWN;
        }
        InetAddress address = remote.getAddress();
        if (address == null) {
            // unresolved: an address taken from a forwarded header, kept as its text
            address = ipv6Literal(remote.getHostString());
            if (address == null) {
                return remote.getHostString().toLowerCase(Locale.ROOT);
            }
        }
        if (address instanceof Inet6Address) {
            byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address.getHostAddress();
    }

    /** An IPv6 literal parsed without any name lookup (a text with a colon is never looked up), else null. */
    private static InetAddress ipv6Literal(String host) {
        if (host == null || host.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
