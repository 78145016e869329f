package io.musicassistant.alexa.accounts;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.platform.Randomness;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.HomeDirectory;
import io.musicassistant.alexa.relay.protocol.api.PairingClaimed;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Pairing a home with an Amazon account. The connector shows an 8-digit code (easy to type and to
 * say); whoever presents it with their Login-with-Amazon token within its lifetime links that home
 * to their account. A code works once; issuing a new one voids the old one.
 */
public final class Pairing {

    private static final JsonLog LOG = JsonLog.get(Pairing.class);
    public static final int CODE_DIGITS = 8;
    private static final Pattern CODE = Pattern.compile("\\d{" + CODE_DIGITS + "}");

    private final DynamoDbClient dynamo;
    private final String codes;
    private final String homes;
    private final String links;
    private final Clock clock;
    private final Duration codeTtl;

    public Pairing(DynamoDbClient dynamo, Tables tables, Clock clock, Duration codeTtl) {
        this.dynamo = dynamo;
        this.codes = tables.name(Tables.PAIRING_CODES);
        this.homes = tables.name(Tables.HOMES);
        this.links = tables.name(Tables.LINKS);
        this.clock = clock;
        this.codeTtl = codeTtl;
    }

    /** The pairing-code hash; a code has ~27 bits, so the hash only keeps codes out of plain sight. */
    static String hash(String code) {
        return Hashes.sha256Hex("pairing-code:" + code);
    }

    /** Normalises what a user typed or said ("1234 5678", "1234-5678") to 8 digits, or empty. */
    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 32) {
            return Optional.empty();
        }
        String digits = input.replaceAll("[\\s\\-.]", "");
        return CODE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    public PairingCode issue(String instanceId) {
        long expiresAtMs = clock.millis() + codeTtl.toMillis();
        while (true) {
            String code = Randomness.randomDigits(CODE_DIGITS);
            String hash = hash(code);
            try {
                dynamo.putItem(b -> b.tableName(codes)
                        .item(Map.of(
                                Tables.PAIRING_CODES.key(),
                                Attrs.s(hash),
                                "instance_id",
                                Attrs.s(instanceId),
                                Tables.TTL,
                                Attrs.n(expiresAtMs / 1000)))
                        .conditionExpression("attribute_not_exists(code_hash)"));
            } catch (ConditionalCheckFailedException taken) {
                continue; // another home holds this code right now; draw again
            }
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(homes)
                            .key(Attrs.key(Tables.HOMES.key(), instanceId))
                            .updateExpression("SET pairing_code_hash = :h")
                            .conditionExpression("attribute_exists(instance_id)")
                            .expressionAttributeValues(Map.of(":h", Attrs.s(hash)))
                            .returnValues(ReturnValue.UPDATED_OLD))
                    .attributes();
            String oldHash = old == null ? null : Attrs.str(old, HomeDirectory.PAIRING_CODE_HASH);
            if (oldHash != null && !oldHash.equals(hash)) {
                dynamo.deleteItem(b -> b.tableName(codes).key(Attrs.key(Tables.PAIRING_CODES.key(), oldHash)));
            }
            return new PairingCode(code, expiresAtMs);
        }
    }

    /**
     * Links the code's home to {@code userId}; empty when the code is unknown, used or expired. One
     * transaction uses up the code, moves the user's link and keeps both homes' linked-user counts
     * right, so a claim either happens whole or not at all (two claims of one code: one wins).
     */
    public Optional<PairingClaimed> claim(String userId, String code) {
        String codeHash = hash(code);
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> codeRow = dynamo.getItem(b -> b.tableName(codes)
                            .consistentRead(true)
                            .key(Attrs.key(Tables.PAIRING_CODES.key(), codeHash)))
                    .item();
            long nowSec = clock.millis() / 1000;
            if (codeRow == null || codeRow.isEmpty() || Attrs.num(codeRow, Tables.TTL, 0) <= nowSec) {
                return Optional.empty();
            }
            String instanceId = Attrs.str(codeRow, "instance_id");
            Map<String, AttributeValue> link = linkRow(userId);
            Optional<String> previous = Optional.ofNullable(link).map(l -> Attrs.str(l, HomeDirectory.LINKED_INSTANCE));
            // A code of the home the account is already linked to keeps its linking date (ownership: HomeAccounts).
            long linkedAt = previous.equals(Optional.of(instanceId))
                    ? Attrs.num(link, "linked_at_ms", clock.millis())
                    : clock.millis();
            try {
                dynamo.transactWriteItems(
                        b -> b.transactItems(claimItems(userId, codeHash, instanceId, previous, nowSec, linkedAt)));
            } catch (TransactionCanceledException e) {
                if (conditionFailed(e, 0)) {
                    return Optional.empty(); // used meanwhile, or just expired
                }
                if (conditionFailed(e, 2)) {
                    return Optional.empty(); // the home was deleted
                }
                continue; // the user's link changed meanwhile: read again
            }
            Map<String, AttributeValue> home = dynamo.getItem(
                            b -> b.tableName(homes).key(Attrs.key(Tables.HOMES.key(), instanceId)))
                    .item();
            LOG.info("pairing.claimed", "instance_id", instanceId, "moved", previous.isPresent());
            return Optional.of(new PairingClaimed(instanceId, Attrs.str(home, HomeDirectory.HOME_NAME)));
        }
        throw new IllegalStateException("pairing claim kept conflicting");
    }

    private List<TransactWriteItem> claimItems(
            String userId, String codeHash, String instanceId, Optional<String> previous, long nowSec, long linkedAt) {
        long nowMs = clock.millis();
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder()
                .delete(d -> d.tableName(codes)
                        .key(Attrs.key(Tables.PAIRING_CODES.key(), codeHash))
                        .conditionExpression("expires_at > :now AND instance_id = :home")
                        .expressionAttributeValues(Map.of(":now", Attrs.n(nowSec), ":home", Attrs.s(instanceId))))
                .build());
        items.add(TransactWriteItem.builder()
                .put(p -> p.tableName(links)
                        .item(Map.of(
                                Tables.LINKS.key(),
                                Attrs.s(userId),
                                HomeDirectory.LINKED_INSTANCE,
                                Attrs.s(instanceId),
                                "linked_at_ms",
                                Attrs.n(linkedAt)))
                        .conditionExpression(
                                previous.isEmpty() ? "attribute_not_exists(user_id)" : "instance_id = :previous")
                        .expressionAttributeValues(
                                previous.isEmpty() ? null : Map.of(":previous", Attrs.s(previous.get()))))
                .build());
        boolean newHome = previous.isEmpty() || !previous.get().equals(instanceId);
        items.add(TransactWriteItem.builder()
                .update(u -> u.tableName(homes)
                        .key(Attrs.key(Tables.HOMES.key(), instanceId))
                        .updateExpression("SET paired_at_ms = :now ADD " + HomeDirectory.LINKED_USERS
                                + " :user REMOVE pairing_code_hash")
                        .conditionExpression("attribute_exists(instance_id)")
                        .expressionAttributeValues(
                                Map.of(":now", Attrs.n(nowMs), ":user", AttributeValue.fromSs(List.of(userId)))))
                .build());
        if (previous.isPresent() && newHome) {
            items.add(leave(previous.get(), userId));
        }
        return items;
    }

    /** Removes the user's link; true when there was one. */
    public boolean unlink(String userId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<String> previous = linkedInstance(userId);
            if (previous.isEmpty()) {
                return false;
            }
            if (unlinkFrom(userId, previous.get())) {
                return true;
            }
            // The link moved meanwhile: read again.
        }
        throw new IllegalStateException("unlink kept conflicting");
    }

    /**
     * Removes the user's link if it is to {@code instanceId} (a revocation by the home's owner or
     * connector must not touch a link the user has meanwhile moved to another home); true when it was.
     */
    public boolean unlinkFrom(String userId, String instanceId) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder()
                            .delete(d -> d.tableName(links)
                                    .key(Attrs.key(Tables.LINKS.key(), userId))
                                    .conditionExpression("instance_id = :previous")
                                    .expressionAttributeValues(Map.of(":previous", Attrs.s(instanceId))))
                            .build(),
                    leave(instanceId, userId)));
            LOG.info("pairing.unlinked", "instance_id", instanceId);
            return true;
        } catch (TransactionCanceledException e) {
            if (conditionFailed(e, 1) && !conditionFailed(e, 0)) {
                // The home is gone; the link alone can go.
                try {
                    dynamo.deleteItem(b -> b.tableName(links)
                            .key(Attrs.key(Tables.LINKS.key(), userId))
                            .conditionExpression("instance_id = :previous")
                            .expressionAttributeValues(Map.of(":previous", Attrs.s(instanceId))));
                    return true;
                } catch (ConditionalCheckFailedException moved) {
                    return false;
                }
            }
            return false;
        }
    }

    /** One user fewer on a home; a home with none left (the set is gone) is unpaired and shows codes again. */
    private TransactWriteItem leave(String instanceId, String userId) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(homes)
                        .key(Attrs.key(Tables.HOMES.key(), instanceId))
                        .updateExpression("DELETE " + HomeDirectory.LINKED_USERS + " :user")
                        .conditionExpression("attribute_exists(instance_id)")
                        .expressionAttributeValues(Map.of(":user", AttributeValue.fromSs(List.of(userId)))))
                .build();
    }

    private Optional<String> linkedInstance(String userId) {
        return Optional.ofNullable(linkRow(userId)).map(link -> Attrs.str(link, HomeDirectory.LINKED_INSTANCE));
    }

    /** The user's link row, read consistently, or null. */
    private Map<String, AttributeValue> linkRow(String userId) {
        Map<String, AttributeValue> link = dynamo.getItem(
                        b -> b.tableName(links).consistentRead(true).key(Attrs.key(Tables.LINKS.key(), userId)))
                .item();
        return link == null || link.isEmpty() ? null : link;
    }

    private static boolean conditionFailed(TransactionCanceledException e, int index) {
        var reasons = e.cancellationReasons();
        return reasons != null
                && reasons.size() > index
                && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }
}
