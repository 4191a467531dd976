package org.tactgate.smtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of CIDR blocks ({@code 127.0.0.0/8}, {@code ::1/128}, or a bare address meaning a single
 * host) and the question whether a client address falls in any of them.
 *
 * <p>SECURITY: entries come from settings, addresses from connecting clients. Entries must be IP
 * literals: a host name would trigger a DNS lookup and make relay permission depend on DNS, so it
 * is refused. A block with host bits set ({@code 10.1.2.3/8}) is refused too, because it usually
 * means the writer meant a different network. IPv4 and IPv6 blocks never match each other (an
 * IPv4-mapped IPv6 client address is already an IPv4 address when Java hands it to us).
 * Immutable and thread-safe.
 */
public final class NetworkList {
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final List<Block> blocks;
    private final String text;

    private NetworkList(List<Block> blocks, String text) {
        this.blocks = List.copyOf(blocks);
        this.text = text;
    }

    /** Parses every entry; throws {@link IllegalArgumentException} naming the first bad one. */
    public static NetworkList parse(List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.trim()));
            }
        }
        return new NetworkList(blocks, String.join(", ", entries));
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    private record Block(byte[] network, int prefixLength) {

        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String addressText = slash < 0 ? entry : entry.substring(0, slash);
            byte[] network = literal(addressText, entry);
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad prefix length in network '" + entry + "'");
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("prefix length out of range 0.." + bits + " in '" + entry + "'");
                }
            }
            Block block = new Block(network, prefix);
            if (!Arrays.equals(network, block.masked(network))) {
                throw new IllegalArgumentException("host bits set in network '" + entry + "'");
            }
            return block;
        }

        private static byte[] literal(String addressText, String entry) {
            boolean ipv4 = IPV4_LITERAL.matcher(addressText).matches();
            boolean ipv6 = addressText.contains(":") && addressText.matches("[0-9A-Fa-f:.]+");
            if (!ipv4 && !ipv6) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + entry + "'");
            }
            try {
                // A literal never touches DNS, which the checks above guarantee.
                return InetAddress.getByName(addressText).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address or CIDR block: '" + entry + "'");
            }
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(masked(address), network);
        }

        private byte[] masked(byte[] address) {
            byte[] result = address.clone();
            for (int i = 0; i < result.length; i++) {
                int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
                result[i] &= (byte) (0xFF << (8 - keep));
            }
            return result;
        }
    }
}
