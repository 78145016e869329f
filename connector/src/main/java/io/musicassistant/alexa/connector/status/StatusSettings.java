package io.musicassistant.alexa.connector.status;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the status page listens, and whom it answers.
 *
 * @param bind the address to listen on ({@code STATUS_BIND}, default all)
 * @param port the port ({@code STATUS_PORT}, default 8098; 0 = any free port; -1 = off, from {@code off})
 * @param ingressOnly running as a Home Assistant add-on: only the Supervisor's ingress proxy may ask
 * @param hosts host names the page answers to besides IP addresses, {@code localhost} and local names
 *     ({@code STATUS_HOSTS}): a guard against DNS rebinding, which would let a web site read the pairing code
 */
public record StatusSettings(String bind, int port, boolean ingressOnly, List<String> hosts) {

    public static final int DEFAULT_PORT = 8098;
    public static final int OFF = -1;
    /** Home Assistant's ingress proxy, the only peer an add-on's ingress port may accept (developer docs, "Ingress"). */
    public static final String INGRESS_PROXY = "172.30.32.2";

    public StatusSettings {
        if (port < OFF || port > 65535) {
            throw new IllegalArgumentException("STATUS_PORT must be 0..65535 or off");
        }
        hosts = List.copyOf(hosts);
    }

    /** On a free loopback port, for everyone on that machine: tests and the local stack. */
    public static StatusSettings loopback() {
        return new StatusSettings("127.0.0.1", 0, false, List.of());
    }

    /** @param addOn the Supervisor wrote the add-on options (options.json) into the state directory */
    public static StatusSettings load(Map<String, String> settings, boolean addOn) {
        String port = settings.getOrDefault("STATUS_PORT", Integer.toString(DEFAULT_PORT))
                .strip()
                .toLowerCase(Locale.ROOT);
        int number;
        if (port.equals("off")) {
            number = OFF;
        } else if (port.matches("\\d{1,5}")) {
            number = Integer.parseInt(port);
        } else {
            throw new IllegalArgumentException("STATUS_PORT must be a port number or off");
        }
        List<String> hosts = Arrays.stream(
                        settings.getOrDefault("STATUS_HOSTS", "").split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .toList();
        return new StatusSettings(
                settings.getOrDefault("STATUS_BIND", "0.0.0.0").strip(), number, addOn, hosts);
    }

    public boolean enabled() {
        return port != OFF;
    }
}
