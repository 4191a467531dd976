package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkListTest {

    private static boolean contains(String networks, String address) throws Exception {
        return NetworkList.parse(List.of(networks.split(","))).contains(InetAddress.getByName(address));
    }

    @Test
    void ipv4BlockShouldContainAddressesInsideAndNotOutside() throws Exception {
        assertThat(contains("127.0.0.0/8", "127.0.0.1")).isTrue();
        assertThat(contains("127.0.0.0/8", "127.255.255.255")).isTrue();
        assertThat(contains("127.0.0.0/8", "128.0.0.1")).isFalse();
        assertThat(contains("192.168.4.0/22", "192.168.7.200")).isTrue();
        assertThat(contains("192.168.4.0/22", "192.168.8.1")).isFalse();
    }

    @Test
    void slash32AndBareAddressShouldMatchOnlyThatHost() throws Exception {
        assertThat(contains("127.0.0.1/32", "127.0.0.1")).isTrue();
        assertThat(contains("127.0.0.1/32", "127.0.0.2")).isFalse();
        assertThat(contains("10.1.2.3", "10.1.2.3")).isTrue();
        assertThat(contains("10.1.2.3", "10.1.2.4")).isFalse();
    }

    @Test
    void zeroPrefixShouldMatchEveryAddressOfItsFamilyOnly() throws Exception {
        assertThat(contains("0.0.0.0/0", "203.0.113.9")).isTrue();
        assertThat(contains("0.0.0.0/0", "2001:db8::1")).isFalse();
        assertThat(contains("::/0", "2001:db8::1")).isTrue();
    }

    @Test
    void ipv6BlocksShouldMatchByPrefix() throws Exception {
        assertThat(contains("::1/128", "::1")).isTrue();
        assertThat(contains("::1/128", "::2")).isFalse();
        assertThat(contains("2001:db8:abcd::/48", "2001:db8:abcd:12::5")).isTrue();
        assertThat(contains("2001:db8:abcd::/48", "2001:db8:abce::5")).isFalse();
        assertThat(contains("fe80::/10", "febf::1")).isTrue();
        assertThat(contains("fe80::/10", "fec0::1")).isFalse();
    }

    @Test
    void ipv4BlockShouldNotMatchIpv6Address() throws Exception {
        assertThat(contains("127.0.0.0/8", "::1")).isFalse();
    }

    @Test
    void listShouldMatchWhenAnyBlockMatchesAndTolerateSpaces() throws Exception {
        assertThat(contains("10.0.0.0/8, ::1/128 , 192.0.2.0/24", "192.0.2.77")).isTrue();
        assertThat(contains("10.0.0.0/8, ::1/128 , 192.0.2.0/24", "::1")).isTrue();
        assertThat(contains("10.0.0.0/8, ::1/128 , 192.0.2.0/24", "198.51.100.1")).isFalse();
    }

    @Test
    void emptyListShouldMatchNothing() throws Exception {
        NetworkList none = NetworkList.parse(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    }

    @Test
    void parseShouldRefuseHostNamesWithoutLookingThemUp() {
        assertThatThrownBy(() -> NetworkList.parse(List.of("localhost")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost'");
        assertThatThrownBy(() -> NetworkList.parse(List.of("mail.example.com/24")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseShouldRefuseBadPrefixesAndHostBits() {
        assertThatThrownBy(() -> NetworkList.parse(List.of("10.0.0.0/33"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> NetworkList.parse(List.of("::/129"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> NetworkList.parse(List.of("10.0.0.0/x"))).hasMessageContaining("bad prefix");
        assertThatThrownBy(() -> NetworkList.parse(List.of("192.168.1.1/24"))).hasMessageContaining("host bits");
        assertThatThrownBy(() -> NetworkList.parse(List.of("300.1.1.1/32"))).isInstanceOf(IllegalArgumentException.class);
    }
}
