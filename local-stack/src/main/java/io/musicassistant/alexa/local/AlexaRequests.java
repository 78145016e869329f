package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds Music Skill API directives the way Alexa sends them (shapes in lambda/src/test/resources/alexa). */
public final class AlexaRequests {

    static final ObjectMapper JSON = new ObjectMapper();

    private AlexaRequests() {}

    /** Where a queue directive points: Alexa echoes these three ids back on every call. */
    public record Position(String itemId, String queueId, String contentId) {}

    static ObjectNode envelope(String namespace, String name, String payloadVersion, String token) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("header")
                .put("messageId", UUID.randomUUID().toString())
                .put("namespace", namespace)
                .put("name", name)
                .put("payloadVersion", payloadVersion);
        ObjectNode context = root.putObject("payload").putObject("requestContext");
        ObjectNode user = context.putObject("user").put("id", "amzn1.ask.account.LOCALDEMODEVICEUSER");
        if (token != null) {
            user.put("accessToken", token);
        }
        context.putObject("location").put("originatingLocale", "en-US").put("countryCode", "US");
        return root;
    }

    /** {@code attributes} as type/value pairs: "ALBUM", "OK Computer", "ARTIST", "Radiohead". */
    public static ObjectNode getPlayableContent(String token, String... attributes) {
        ObjectNode root = envelope("Alexa.Media.Search", "GetPlayableContent", "1.0", token);
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.putObject("filters").put("explicitLanguageAllowed", true);
        ArrayNode list = payload.putObject("selectionCriteria").putArray("attributes");
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            list.addObject().put("type", attributes[i]).put("value", attributes[i + 1]);
        }
        return root;
    }

    /**
     * GetPlayableContent as live traffic sends it for a name from the skill's catalogs: the catalog's
     * {@code entityId} for each attribute, and no spoken {@code value}.
     */
    public static ObjectNode getPlayableContentByEntity(String token, String... typesAndIds) {
        ObjectNode root = envelope("Alexa.Media.Search", "GetPlayableContent", "1.0", token);
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.putObject("filters").put("explicitLanguageAllowed", true);
        ArrayNode list = payload.putObject("selectionCriteria").putArray("attributes");
        for (int i = 0; i + 1 < typesAndIds.length; i += 2) {
            list.addObject().put("type", typesAndIds[i]).put("entityId", typesAndIds[i + 1]);
        }
        return root;
    }

    public static ObjectNode initiate(String token, String contentId, boolean shuffle) {
        ObjectNode root = envelope("Alexa.Media.Playback", "Initiate", "1.0", token);
        ObjectNode payload = (ObjectNode) root.get("payload");
        payload.putObject("filters").put("explicitLanguageAllowed", true);
        payload.put("contentId", contentId);
        payload.putObject("playbackModes").put("shuffle", shuffle).put("loop", false);
        return root;
    }

    public static ObjectNode getNextItem(String token, Position at, boolean userInitiated) {
        ObjectNode root = envelope("Alexa.Audio.PlayQueue", "GetNextItem", "1.0", token);
        bare((ObjectNode) root.get("payload"), at).put("isUserInitiated", userInitiated);
        return root;
    }

    public static ObjectNode getPreviousItem(String token, Position at) {
        ObjectNode root = envelope("Alexa.Audio.PlayQueue", "GetPreviousItem", "1.0", token);
        bare((ObjectNode) root.get("payload"), at);
        return root;
    }

    public static ObjectNode getView(String token, Position at) {
        ObjectNode root = envelope("Alexa.Media.PlayQueue", "GetView", "1.0", token);
        wrapped((ObjectNode) root.get("payload"), "currentItemReference", at);
        return root;
    }

    public static ObjectNode setShuffle(String token, Position at, boolean enable) {
        ObjectNode root = envelope("Alexa.Media.PlayQueue", "SetShuffle", "1.0", token);
        wrapped((ObjectNode) root.get("payload"), "currentItemReference", at).put("enable", enable);
        return root;
    }

    public static ObjectNode setLoop(String token, Position at, boolean enable) {
        ObjectNode root = envelope("Alexa.Media.PlayQueue", "SetLoop", "1.0", token);
        wrapped((ObjectNode) root.get("payload"), "currentItemReference", at).put("enable", enable);
        return root;
    }

    private static ObjectNode bare(ObjectNode payload, Position at) {
        payload.putObject("currentItemReference")
                .put("id", at.itemId())
                .put("queueId", at.queueId())
                .put("contentId", at.contentId());
        return payload;
    }

    private static ObjectNode wrapped(ObjectNode payload, String field, Position at) {
        payload.putObject(field)
                .put("namespace", "Alexa.Audio.PlayQueue")
                .put("name", "item")
                .putObject("value")
                .put("id", at.itemId())
                .put("queueId", at.queueId())
                .put("contentId", at.contentId());
        return payload;
    }
}
