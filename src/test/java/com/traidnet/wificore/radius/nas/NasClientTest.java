package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NasClientTest {

    static NasClient nas(String address) {
        return nas(TenantId.random(), address);
    }

    static NasClient nas(TenantId tenant, String address) {
        var parsed = NasAddress.parse(address);
        return new NasClient(UUID.randomUUID(), tenant, "nas " + address, parsed.network(), parsed.prefixLength(),
                "s3cret-value".getBytes(StandardCharsets.UTF_8), "mikrotik", 3799, true);
    }

    static InetAddress ip(String literal) {
        return NasAddress.parse(literal).network();
    }

    /** An IPv4-mapped IPv6 address kept as an Inet6Address, as a dual-stack socket may report it. */
    static InetAddress mapped(String v4) throws Exception {
        byte[] b = InetAddress.getByName(v4).getAddress();
        byte[] v6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, b[0], b[1], b[2], b[3]};
        return Inet6Address.getByAddress(null, v6, -1);
    }

    @Test
    void aHostContainsOnlyItself() throws Exception {
        var host = nas("192.0.2.10");
        assertThat(host.prefixLength()).isEqualTo(32);
        assertThat(host.contains(ip("192.0.2.10"))).isTrue();
        assertThat(host.contains(ip("192.0.2.11"))).isFalse();
        assertThat(host.contains(mapped("192.0.2.10"))).isTrue();
        assertThat(host.contains(ip("::ffff:192.0.2.10"))).isTrue();
        assertThat(host.contains(ip("::192.0.2.10"))).isFalse(); // IPv4-compatible is IPv6
    }

    @Test
    void anIpv4RangeContainsItsAddressesOnly() throws Exception {
        var range = nas("10.20.0.0/14");
        assertThat(range.contains(ip("10.20.0.0"))).isTrue();
        assertThat(range.contains(ip("10.23.255.255"))).isTrue();
        assertThat(range.contains(mapped("10.22.1.1"))).isTrue();
        assertThat(range.contains(ip("10.24.0.0"))).isFalse();
        assertThat(range.contains(ip("10.19.255.255"))).isFalse();
        assertThat(range.contains(ip("::a14:0"))).isFalse();

        var everything = nas("0.0.0.0/0");
        assertThat(everything.contains(ip("203.0.113.9"))).isTrue();
        assertThat(everything.contains(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void anIpv6RangeContainsItsAddressesButNoIpv4() throws Exception {
        var range = nas("2001:db8:abcd:12::/64");
        assertThat(range.contains(ip("2001:db8:abcd:12::1"))).isTrue();
        assertThat(range.contains(ip("2001:db8:abcd:12:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(range.contains(ip("2001:db8:abcd:13::"))).isFalse();

        var odd = nas("2001:db8::/29"); // a prefix not on a byte boundary
        assertThat(odd.contains(ip("2001:dbf:ffff::1"))).isTrue();
        assertThat(odd.contains(ip("2001:dc0::"))).isFalse();

        var all = nas("::/0");
        assertThat(all.contains(ip("fe80::1"))).isTrue();
        assertThat(all.contains(ip("192.0.2.1"))).isFalse();
        assertThat(all.contains(mapped("192.0.2.1"))).isFalse();
        assertThat(nas("2001:db8::7").contains(ip("2001:db8::7"))).isTrue();
        assertThat(nas("2001:db8::7").prefixLength()).isEqualTo(128);
    }

    @Test
    void hostBitsAreClearedAndMappedNetworksBecomeIpv4() throws Exception {
        var range = nas("192.0.2.77/24");
        assertThat(range.network()).isEqualTo(ip("192.0.2.0"));
        assertThat(range.address()).isEqualTo("192.0.2.0/24");
        assertThat(nas("2001:db8::ff/120").address()).isEqualTo("2001:db8::/120");
        assertThat(nas("192.0.2.1/32").address()).isEqualTo("192.0.2.1");

        var mappedRange = NasAddress.parse("::ffff:198.51.100.9/120");
        assertThat(mappedRange.network()).isInstanceOf(Inet4Address.class).isEqualTo(ip("198.51.100.0"));
        assertThat(mappedRange.prefixLength()).isEqualTo(24);

        var fromInet6 = new NasClient(UUID.randomUUID(), TenantId.random(), "n", mapped("198.51.100.9"), 120,
                new byte[] {1}, "other", 3799, false);
        assertThat(fromInet6.network()).isInstanceOf(Inet4Address.class).isEqualTo(ip("198.51.100.0"));
        assertThat(fromInet6.prefixLength()).isEqualTo(24);
    }

    @Test
    void onlyAddressLiteralsAreAccepted() {
        for (String bad : new String[] {"", " ", "router.example.com", "localhost", "10.0.0", "10.0.0.256",
                "010.0.0.1", "10.0.0.1/33", "10.0.0.1/", "10.0.0.1/-1", "10.0.0.1/abc", "2001:db8::/129",
                "2001:db8:::1", "fe80::1%eth0", "[::1]", "::ffff:10.0.0.0/95", "1.2.3.4.5", ".::1", "10.0.0.1/24/8"}) {
            assertThatThrownBy(() -> NasAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(NasAddress.parse(" 10.0.0.1 ").text()).isEqualTo("10.0.0.1");
        assertThat(NasAddress.parse("2001:DB8::1").text()).isEqualTo("2001:db8::1");
    }

    @Test
    void ipv6IsWrittenTheRfc5952Way() {
        assertThat(NasAddress.parse("::").text()).isEqualTo("::");
        assertThat(NasAddress.parse("::1").text()).isEqualTo("::1");
        assertThat(NasAddress.parse("fe80::").text()).isEqualTo("fe80::");
        assertThat(NasAddress.parse("2001:db8:0:1:0:0:0:1").text()).isEqualTo("2001:db8:0:1::1");
        assertThat(NasAddress.parse("2001:0:0:1:0:0:1:1").text()).isEqualTo("2001::1:0:0:1:1");
        assertThat(NasAddress.parse("2001:db8:1:1:1:1:0:1").text()).isEqualTo("2001:db8:1:1:1:1:0:1");
        assertThat(NasAddress.parse("2001:DB8:00AB::").text()).isEqualTo("2001:db8:ab::");
    }

    @Test
    void theSecretIsNeverPrinted() {
        var client = nas("192.0.2.1");
        assertThat(client.toString()).doesNotContain("s3cret").contains("192.0.2.1").contains("(hidden)");
    }
}
