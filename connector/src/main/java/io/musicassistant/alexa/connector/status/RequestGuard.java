package io.musicassistant.alexa.connector.status;

import com.sun.net.httpserver.HttpExchange;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may ask the status page anything. As a Home Assistant add-on only the Supervisor's ingress proxy
 * (which authenticated the user). Elsewhere anyone who reaches the port, but only under a local host
 * name: a web site that points its own name at this address (DNS rebinding) would otherwise read the
 * pairing code. A POST must come from a page of this origin.
 */
final class RequestGuard {

    /** Names that only resolve inside a home network. */
    private static final List<String> LOCAL_SUFFIXES =
            List.of(".local", ".lan", ".home", ".home.arpa", ".internal", ".localdomain", ".localhost", ".fritz.box");

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final StatusSettings settings;

    RequestGuard(StatusSettings settings) {
        this.settings = settings;
    }

    /** Why the request is refused, or null. */
    String refusal(HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        if (settings.ingressOnly()) {
            InetAddress peer = exchange.getRemoteAddress().getAddress();
            if (peer == null || !StatusSettings.INGRESS_PROXY.equals(peer.getHostAddress())) {
                return "open this page from Home Assistant (the add-on's Open Web UI)";
            }
        } else if (!localHost(headers.getFirst("Host"))) {
            return "unknown host name: add it to STATUS_HOSTS";
        }
        if (!exchange.getRequestMethod().equals("GET")
                && !exchange.getRequestMethod().equals("HEAD")) {
            String origin = headers.getFirst("Origin");
            if (origin != null && !sameOrigin(origin, headers.getFirst("Host"), headers.getFirst("X-Forwarded-Host"))) {
                return "cross-origin request";
            }
            String site = headers.getFirst("Sec-Fetch-Site");
            if (site != null && !site.equals("same-origin")) {
                return "cross-site request";
            }
        }
        return null;
    }

    /** Whether the Host header names this machine the way only people in the home would. */
    boolean localHost(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return host.indexOf(']') > 0; // an IPv6 literal
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (IPV4.matcher(host).matches() || host.equals("localhost") || !host.contains(".")) {
            return true;
        }
        String name = host;
        return LOCAL_SUFFIXES.stream().anyMatch(name::endsWith)
                || settings.hosts().contains(name);
    }

    /** The Origin's host and port are the Host's (or, behind the ingress proxy, the original Host's). */
    private boolean sameOrigin(String origin, String host, String forwardedHost) {
        String authority;
        try {
            authority = URI.create(origin.strip()).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (authority == null) {
            return false;
        }
        return authority.equalsIgnoreCase(strip(host))
                || settings.ingressOnly() && authority.equalsIgnoreCase(strip(forwardedHost));
    }

    private static String strip(String header) {
        return header == null ? "" : header.strip();
    }
}
