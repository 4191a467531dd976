package org.tactgate.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayPolicyTest {
    private static final NetworkList LOOPBACK = NetworkList.parse(List.of("127.0.0.1/32"));

    @Test
    void clientInAllowedNetworkShouldSendWithoutAuth() throws Exception {
        assertThat(new RelayPolicy(LOOPBACK, false, false).refusal(InetAddress.getByName("127.0.0.1"), false)).isEmpty();
    }

    @Test
    void clientOutsideShouldBeDeniedOrAskedToAuthenticate() throws Exception {
        InetAddress outside = InetAddress.getByName("127.0.0.2");
        assertThat(new RelayPolicy(LOOPBACK, false, false).refusal(outside, false)).contains("554 5.7.1 Relay access denied");
        assertThat(new RelayPolicy(LOOPBACK, true, false).refusal(outside, false)).contains("530 5.7.0 Authentication required");
        assertThat(new RelayPolicy(LOOPBACK, true, false).refusal(outside, true)).isEmpty();
    }

    @Test
    void authRequiredShouldApplyEvenInsideAllowedNetworks() throws Exception {
        RelayPolicy policy = new RelayPolicy(LOOPBACK, true, true);
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"), false)).contains("530 5.7.0 Authentication required");
        assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"), true)).isEmpty();
    }
}
