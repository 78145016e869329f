package io.musicassistant.alexa.accounts;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The Amazon accounts linked to a home: listed for its connector and by voice, revoked by the
 * connector or by the home's owner, unlinked by the account itself. Whoever leaves a home takes
 * their event-gateway grant with them (the grants table's row); what their Alexa was last told
 * about the home's players ({@code endpoint_state}) is deleted by the next {@link HomeSweep}.
 *
 * <p>The owner is the account linked longest (ties: by label). Ownership moves to the next one when
 * the owner leaves. Any linked account may list the accounts and unlink itself; only the owner may
 * revoke others by voice; the connector (who holds the home's secret) may revoke anyone.
 */
public final class HomeAccounts {

    private static final JsonLog LOG = JsonLog.get(HomeAccounts.class);
    private static final int BATCH = 100;

    private final DynamoDbClient dynamo;
    private final String homes;
    private final String links;
    private final String grants;
    private final Pairing pairing;

    /**
     * One linked account.
     *
     * @param userId the LWA user id: never shown, never logged
     * @param label what the connector and the logs show instead ({@link LinkLabels})
     * @param linkedAt when it claimed the home's code
     * @param owner whether it is the home's owner
     */
    public record Account(String userId, String label, Instant linkedAt, boolean owner) {}

    public HomeAccounts(DynamoDbClient dynamo, Tables tables, Pairing pairing) {
        this.dynamo = dynamo;
        this.homes = tables.name(Tables.HOMES);
        this.links = tables.name(Tables.LINKS);
        this.grants = tables.name(Tables.GRANTS);
        this.pairing = pairing;
    }

    /** The home's accounts, owner first, then by the date they were linked; empty for an unknown home. */
    public List<Account> list(String instanceId) {
        Map<String, AttributeValue> home = dynamo.getItem(b -> b.tableName(homes)
                        .consistentRead(true)
                        .key(Attrs.key(Tables.HOMES.key(), instanceId))
                        .projectionExpression("secret_hash, linked_user_ids"))
                .item();
        if (home == null || home.isEmpty() || !home.containsKey("linked_user_ids")) {
            return List.of();
        }
        String key = Attrs.str(home, "secret_hash");
        List<String> users = home.get("linked_user_ids").ss();
        Map<String, Long> linkedAt = new java.util.HashMap<>();
        for (int from = 0; from < users.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = users.subList(from, Math.min(users.size(), from + BATCH)).stream()
                    .map(u -> Attrs.key(Tables.LINKS.key(), u))
                    .toList();
            Map<String, KeysAndAttributes> request = Map.of(
                    links,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                var answer = dynamo.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> row : answer.responses().getOrDefault(links, List.of())) {
                    if (instanceId.equals(Attrs.str(row, "instance_id"))) {
                        linkedAt.put(Attrs.str(row, Tables.LINKS.key()), Attrs.num(row, "linked_at_ms", 0));
                    }
                }
                request = answer.unprocessedKeys() == null ? Map.of() : answer.unprocessedKeys();
            }
        }
        List<Account> out = new ArrayList<>();
        for (String user : users) {
            // Only accounts whose own link points here count: a stale entry of the set must never pass for the owner.
            if (linkedAt.containsKey(user)) {
                out.add(new Account(
                        user, LinkLabels.label(key, user), Instant.ofEpochMilli(linkedAt.get(user)), false));
            }
        }
        out.sort(Comparator.comparing(Account::linkedAt).thenComparing(Account::label));
        if (!out.isEmpty()) {
            Account first = out.getFirst();
            out.set(0, new Account(first.userId(), first.label(), first.linkedAt(), true));
        }
        return List.copyOf(out);
    }

    /** Removes the account from the home (it must still be linked to it) with its grant; true when it was. */
    public boolean revoke(String instanceId, Account account) {
        if (!pairing.unlinkFrom(account.userId(), instanceId)) {
            return false;
        }
        forgetGrant(account.userId());
        LOG.info("accounts.revoked", "instance_id", instanceId, "label", account.label());
        return true;
    }

    /** The account leaves whatever home it is linked to, with its grant; true when it had one. */
    public boolean unlink(String userId) {
        boolean had = pairing.unlink(userId);
        forgetGrant(userId);
        return had;
    }

    /**
     * The account leaves its home; its grant is the control skill's to forget (the music skill's
     * Lambda may not touch grants at all).
     */
    public boolean unlinkHome(String userId) {
        return pairing.unlink(userId);
    }

    /** The user's event-gateway grant (if any) goes: the cloud keeps no token of someone who left. */
    public void forgetGrant(String userId) {
        dynamo.deleteItem(b -> b.tableName(grants).key(Attrs.key(Tables.GRANTS.key(), userId)));
    }
}
