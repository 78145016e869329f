package io.musicassistant.alexa.connector;

import io.musicassistant.alexa.connector.relay.RelayApiClient;
import io.musicassistant.alexa.connector.relay.RelayApiException;
import io.musicassistant.alexa.relay.protocol.api.HomeLinks;
import io.musicassistant.alexa.relay.protocol.api.HomeRegistration;
import io.musicassistant.alexa.relay.protocol.api.LinkRevoked;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code java -jar ma-alexa-connector.jar accounts} lists the Amazon accounts linked to this home
 * (a label and the date each was linked; the cloud never shows account ids or e-mails);
 * {@code accounts revoke <label>} removes one. Whoever runs the connector holds the home's secret,
 * so they may revoke any account, the owner's included (docs/setup.md, "Who can use your home").
 */
final class AccountsCommand {

    static final String USAGE = "usage: accounts [revoke <label>]";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private AccountsCommand() {}

    /** The exit code: 0 done, 1 the relay refused or cannot be reached, 2 usage, 4 no such label. */
    static int run(RelayApiClient api, HomeRegistration home, String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1) {
                return list(api.links(home.instanceId(), home.instanceSecret()), out);
            }
            if (args.length == 3 && args[1].equals("revoke")) {
                LinkRevoked revoked = api.revokeLink(home.instanceId(), home.instanceSecret(), args[2]);
                if (!revoked.revoked()) {
                    err.println("No account with the label " + args[2] + " is linked to this home.");
                    return 4;
                }
                out.println("Revoked. "
                        + (revoked.remaining() == 0
                                ? "No account is linked now: the connector shows a pairing code again."
                                : revoked.remaining() + " account" + (revoked.remaining() == 1 ? "" : "s")
                                        + " still linked."));
                return 0;
            }
            err.println(USAGE);
            return 2;
        } catch (RelayApiException e) {
            err.println("The relay refused: " + e.getMessage());
            return 1;
        }
    }

    private static int list(HomeLinks links, PrintStream out) {
        if (links.links().isEmpty()) {
            out.println("No Amazon account is linked to this home.");
            return 0;
        }
        out.println("Amazon accounts linked to this home (" + links.links().size() + "):");
        for (HomeLinks.Link link : links.links()) {
            out.println("  " + link.label() + "  linked " + DATE.format(Instant.ofEpochMilli(link.linkedAtMs()))
                    + (link.owner() ? "  owner" : ""));
        }
        out.println("Revoke one with: java -jar ma-alexa-connector.jar accounts revoke <label>");
        return 0;
    }
}
