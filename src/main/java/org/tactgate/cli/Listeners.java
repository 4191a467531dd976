package org.tactgate.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tactgate.config.ConfigException;
import org.tactgate.config.HostPort;
import org.tactgate.config.Settings;
import org.tactgate.config.SettingsFile;

/**
 * The part of {@link StartCheck} that binds every address the relay will listen on, briefly, the
 * way the relay will: a port another program holds, a port below 1024 without the right to it, an
 * address that is not this machine's, or two of our own listeners on one port are each refused
 * naming the key. All are held open together until the last is bound, which is what catches two of
 * our own keys on one port. (Port 0, any free port, is never in use.)
 */
final class Listeners {
    private static final String ACCEPTED = "expected a free port on an address of this machine (port 0 = any free port)";

    private Listeners() {
    }

    static void check(Settings settings) {
        Map<String, HostPort> listeners = new LinkedHashMap<>();
        listeners.put("smtp.listen", settings.smtp().listen());
        listeners.put("web.listen", settings.web().listen());
        settings.web().consoleListen().filter(console -> !console.equals(settings.web().listen()))
                .ifPresent(console -> listeners.put("web.console-listen", console));
        List<ServerSocket> bound = new ArrayList<>();
        Map<Integer, String> ports = new LinkedHashMap<>();
        try {
            listeners.forEach((key, address) -> {
                if (address.port() != 0) {
                    bound.add(bind(settings.source(), key, address, ports.get(address.port())));
                    ports.putIfAbsent(address.port(), key);
                }
            });
        } finally {
            bound.forEach(Listeners::closeQuietly);
        }
    }

    private static ServerSocket bind(SettingsFile source, String key, HostPort address, String ownKeyOnPort) {
        InetAddress host = host(source, key, address);
        ServerSocket socket = null;
        try {
            socket = new ServerSocket();
            socket.bind(new InetSocketAddress(host, address.port()));
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw refusal(source, key, address, e, ownKeyOnPort);
        }
    }

    private static ConfigException refusal(SettingsFile source, String key, HostPort address, IOException e,
                                           String ownKeyOnPort) {
        String why;
        if (ownKeyOnPort != null) {
            why = "port " + address.port() + " is also given to " + ownKeyOnPort
                    + source.lineOf(ownKeyOnPort).stream().mapToObj(n -> " (line " + n + ")").findFirst().orElse("");
        } else if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
            why = "address already in use (another program listens there)";
        } else if (e instanceof BindException && String.valueOf(e.getMessage()).contains("ermission")) {
            why = "permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE)";
        } else {
            why = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        }
        return source.refuse(key, "cannot listen on " + address + ": " + why + "; " + ACCEPTED);
    }

    private static InetAddress host(SettingsFile source, String key, HostPort address) {
        if (address.host().isEmpty() || address.host().equals("*")) {
            return null;
        }
        try {
            return InetAddress.getByName(address.host());
        } catch (UnknownHostException e) {
            throw source.refuse(key, "unknown host '" + address.host() + "'; " + ACCEPTED);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // a probe socket that will not close changes nothing for the check
        }
    }
}
