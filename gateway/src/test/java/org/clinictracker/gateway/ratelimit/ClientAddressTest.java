package org.clinictracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void an_ipv4_client_is_its_address() {
        assertThat(ClientAddress.of(new InetSocketAddress("203.0.113.7", 51234))).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.of(new InetSocketAddress("203.0.113.8", 51234))).isEqualTo("203.0.113.8");
    }

    @Test
    void an_ipv6_client_is_its_64_block_so_one_device_cannot_take_an_allowance_per_address() {
        String one = ClientAddress.of(new InetSocketAddress("2001:db8:1:2::1", 443));
        String sameBlock = ClientAddress.of(new InetSocketAddress("2001:db8:1:2:ffff:ffff:ffff:fffe", 443));
        String otherBlock = ClientAddress.of(new InetSocketAddress("2001:db8:1:3::1", 443));

        assertThat(one).isEqualTo(sameBlock).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(otherBlock).isNotEqualTo(one);
    }

    /** What a forwarded header gives: the address as text, unresolved (and never looked up). */
    @Test
    void a_forwarded_address_is_read_from_its_text() {
        assertThat(ClientAddress.of(InetSocketAddress.createUnresolved("198.51.100.7", 0))).isEqualTo("198.51.100.7");
        assertThat(ClientAddress.of(InetSocketAddress.createUnresolved("2001:DB8:1:2::9", 0)))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of(InetSocketAddress.createUnresolved("Proxy.Example", 0))).isEqualTo("proxy.example");
    }

    @Test
    void an_unknown_address_shares_one_allowance() {
        assertThat(ClientAddress.of((InetSocketAddress) null)).isEqualTo(ClientAddress.UNKNOWN);
    }
}
