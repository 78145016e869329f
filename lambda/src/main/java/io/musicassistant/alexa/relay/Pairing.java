package io.musicassistant.alexa.relay;

import io.musicassistant.alexa.log.JsonLog;
import io.musicassistant.alexa.platform.Attrs;
import io.musicassistant.alexa.platform.Secrets;
import io.musicassistant.alexa.platform.Tables;
import io.musicassistant.alexa.relay.protocol.api.PairingClaimed;
import io.musicassistant.alexa.relay.protocol.api.PairingCode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

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
        return Secrets.sha256Hex("pairing-code:" + code);
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
            String code = Secrets.randomDigits(CODE_DIGITS);
            String hash = hash(code);
            try {
                dynamo.putItem(b -> b.tableName(codes)
                        .item(Map.of(
                                Tables.PAIRING_CODES.key(), Attrs.s(hash),
                                "instance_id", Attrs.s(instanceId),
                                Tables.TTL, Attrs.n(expiresAtMs / 1000)))
                        .conditionExpression("attribute_not_exists(code_hash)"));
            } catch (ConditionalCheckFailedException taken) {
                continue; // another home holds this code right now; draw again
            }
            Map<String, AttributeValue> old = dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), instanceId))
                    .updateExpression("SET pairing_code_hash = :h")
                    .expressionAttributeValues(Map.of(":h", Attrs.s(hash)))
                    .returnValues(ReturnValue.UPDATED_OLD)).attributes();
            String oldHash = old == null ? null : Attrs.str(old, HomeRegistry.PAIRING_CODE_HASH);
            if (oldHash != null && !oldHash.equals(hash)) {
                dynamo.deleteItem(b -> b.tableName(codes).key(Attrs.key(Tables.PAIRING_CODES.key(), oldHash)));
            }
            return new PairingCode(code, expiresAtMs);
        }
    }

    /** Links the code's home to {@code userId}; empty when the code is unknown, used or expired. */
    public Optional<PairingClaimed> claim(String userId, String code) {
        long nowSec = clock.millis() / 1000;
        Map<String, AttributeValue> claimed;
        try {
            claimed = dynamo.deleteItem(b -> b.tableName(codes)
                    .key(Attrs.key(Tables.PAIRING_CODES.key(), hash(code)))
                    .conditionExpression("expires_at > :now")
                    .expressionAttributeValues(Map.of(":now", Attrs.n(nowSec)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
        } catch (ConditionalCheckFailedException unknownOrExpired) {
            return Optional.empty();
        }
        String instanceId = claimed == null ? null : Attrs.str(claimed, "instance_id");
        if (instanceId == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        dynamo.putItem(b -> b.tableName(links).item(Map.of(
                Tables.LINKS.key(), Attrs.s(userId),
                HomeDirectory.LINKED_INSTANCE, Attrs.s(instanceId),
                "linked_at_ms", Attrs.n(now))));
        Map<String, AttributeValue> home;
        try {
            home = dynamo.updateItem(b -> b.tableName(homes)
                    .key(Attrs.key(Tables.HOMES.key(), instanceId))
                    .updateExpression("SET paired_at_ms = :now REMOVE pairing_code_hash")
                    .conditionExpression("attribute_exists(instance_id)")
                    .expressionAttributeValues(Map.of(":now", Attrs.n(now)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException homeGone) {
            unlink(userId);
            return Optional.empty();
        }
        LOG.info("pairing.claimed", "instance_id", instanceId);
        return Optional.of(new PairingClaimed(instanceId, Attrs.str(home, HomeDirectory.HOME_NAME)));
    }

    /** Removes the user's link; true when there was one. */
    public boolean unlink(String userId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(b -> b.tableName(links)
                .key(Attrs.key(Tables.LINKS.key(), userId)).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }
}
