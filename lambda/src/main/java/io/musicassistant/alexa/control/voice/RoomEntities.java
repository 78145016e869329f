package io.musicassistant.alexa.control.voice;

import com.amazon.ask.model.dialog.DynamicEntitiesDirective;
import com.amazon.ask.model.er.dynamic.Entity;
import com.amazon.ask.model.er.dynamic.EntityListItem;
import com.amazon.ask.model.er.dynamic.EntityValueAndSynonyms;
import com.amazon.ask.model.er.dynamic.UpdateBehavior;
import io.musicassistant.alexa.relay.protocol.PlayerInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's players as dynamic entities of slot type ROOM (Dialog.UpdateDynamicEntities, REPLACE):
 * id = player id, so that a resolved room needs no player list; value = the name; synonyms = the
 * name as it is spoken when it is written otherwise ("Living_Room", "KitchenSonos", "Bad (oben)").
 */
public final class RoomEntities {

    /** The interaction models' slot type of rooms; dynamic entities must name a declared type. */
    public static final String ROOM_TYPE = "ROOM";
    /** Alexa takes at most 100 dynamic entities per response, over all slot types. */
    public static final int MAX_ENTITIES = 100;
    /** Spoken variants are few per name; more would only dilute recognition. */
    static final int MAX_SYNONYMS = 3;
    /**
     * What the entities may take of a response, which Alexa limits to 24 KB in all: 100 players with
     * long ids and names would not fit, so the list stops short instead of the answer being refused.
     */
    public static final int MAX_BYTES = 12 * 1024;
    /** JSON around one entity: braces, quotes and the field names. */
    private static final int ENTITY_OVERHEAD = 48;

    private static final Pattern CAMEL_CASE = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern SEPARATORS = Pattern.compile("[_./|\\-]+|\\s+");
    private static final Pattern BRACKETED = Pattern.compile("[(\\[][^)\\]]*[)\\]]");

    private RoomEntities() {}

    /**
     * The directive for {@code players}, in their order: named ones only, with ids Alexa can send
     * back, at most {@link #MAX_ENTITIES} and {@link #MAX_BYTES}.
     */
    public static DynamicEntitiesDirective directive(List<PlayerInfo> players) {
        List<Entity> values = new ArrayList<>();
        int bytes = 0;
        for (PlayerInfo p : players) {
            if (p.name() == null
                    || p.name().isBlank()
                    || p.playerId() == null
                    || p.playerId().isBlank()
                    || p.playerId().length() > Slots.MAX_ID_LENGTH) {
                continue;
            }
            String name = Messages.cut(p.name());
            List<String> synonyms = synonyms(name);
            bytes += ENTITY_OVERHEAD + jsonBytes(p.playerId()) + jsonBytes(name);
            for (String synonym : synonyms) {
                bytes += jsonBytes(synonym) + 3;
            }
            if (values.size() == MAX_ENTITIES || bytes > MAX_BYTES) {
                break;
            }
            values.add(Entity.builder()
                    .withId(p.playerId())
                    .withName(EntityValueAndSynonyms.builder()
                            .withValue(name)
                            .withSynonyms(synonyms.isEmpty() ? null : synonyms)
                            .build())
                    .build());
        }
        return DynamicEntitiesDirective.builder()
                .withUpdateBehavior(UpdateBehavior.REPLACE)
                .addTypesItem(EntityListItem.builder()
                        .withName(ROOM_TYPE)
                        .withValues(values)
                        .build())
                .build();
    }

    /** How {@code name} is said when it is written with separators, joined words or a bracketed remark. */
    static List<String> synonyms(String name) {
        String spaced = spaced(CAMEL_CASE.matcher(name).replaceAll(" "));
        Set<String> out = new LinkedHashSet<>();
        out.add(spaced);
        out.add(spaced(BRACKETED.matcher(spaced).replaceAll(" ")));
        String written = name.strip().toLowerCase(Locale.ROOT);
        out.removeIf(s -> s.isEmpty() || s.toLowerCase(Locale.ROOT).equals(written));
        return out.stream().limit(MAX_SYNONYMS).toList();
    }

    /** Bytes of {@code text} in the JSON answer: UTF-8, with quotes, backslashes and control characters escaped. */
    static int jsonBytes(String text) {
        int escapes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                escapes += 5;
            }
        }
        return text.getBytes(StandardCharsets.UTF_8).length + escapes;
    }

    private static String spaced(String text) {
        return SEPARATORS.matcher(text).replaceAll(" ").strip();
    }
}
