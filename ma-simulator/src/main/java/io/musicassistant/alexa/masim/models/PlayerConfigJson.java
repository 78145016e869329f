package io.musicassistant.alexa.masim.models;

import static io.musicassistant.alexa.masim.models.JsonValues.F;
import static io.musicassistant.alexa.masim.models.JsonValues.putNullable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerConfigEntry;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.List;

/** MA's {@code PlayerConfig} and its {@code ConfigEntry}s ({@code config_entries.py}), per profile. */
final class PlayerConfigJson {

    private final Profile profile;

    PlayerConfigJson(Profile profile) {
        this.profile = profile;
    }

    /**
     * {@code PlayerConfig}: {@code values} first (the base class's field), then the root values.
     * Entries follow {@code ConfigEntry} of the profile's models (stable: label, translation keys
     * and option titles first; newest: the translation fields dropped, label after the rest).
     */
    public ObjectNode playerConfig(PlayerConfig config) {
        ObjectNode n = F.objectNode();
        ObjectNode values = n.putObject("values");
        for (PlayerConfig.Value value : config.values()) {
            values.set(value.entry().key(), configEntry(value.entry(), value.value()));
        }
        n.put("provider", config.provider());
        n.put("player_id", config.playerId());
        n.put("enabled", config.enabled());
        n.put("name", config.name());
        n.put("default_name", config.defaultName());
        n.put("player_type", config.playerType().value());
        return n;
    }

    private ObjectNode configEntry(PlayerConfigEntry entry, Object value) {
        boolean stable = profile == Profile.STABLE_2_9;
        ObjectNode n = F.objectNode();
        n.put("key", entry.key());
        n.put("type", entry.type());
        if (stable) {
            n.put("label", entry.label());
        }
        putConfigValue(n, "default_value", entry.defaultValue());
        n.put("required", false);
        ArrayNode options = n.putArray("options");
        for (PlayerConfigEntry.Option option : entry.options()) {
            ObjectNode o = options.addObject();
            if (stable) {
                o.put("title", option.title());
                putConfigValue(o, "value", option.value());
            } else {
                putConfigValue(o, "value", option.value());
                o.put("title", option.title());
                o.put("disabled", false);
                o.putNull("disabled_reason");
                o.putNull("description");
            }
        }
        n.putNull("range");
        n.put("description", entry.description());
        n.putNull("help_link");
        n.put("multi_value", false);
        n.putNull("depends_on");
        n.putNull("depends_on_value");
        n.putNull("depends_on_value_not");
        n.put("hidden", entry.hidden());
        n.put("read_only", false);
        n.put("category", entry.category());
        n.putNull("action");
        n.putNull("action_label");
        n.put("immediate_apply", false);
        n.put("requires_reload", entry.requiresReload());
        if (stable) {
            n.putNull("translation_key");
            n.putNull("translation_params");
            n.putNull("category_translation_key");
            n.putNull("category_translation_params");
            n.put("advanced", entry.advanced());
        } else {
            n.put("advanced", entry.advanced());
            n.put("label", entry.label());
            n.putNull("category_label");
        }
        putConfigValue(n, "value", value);
        return n;
    }

    private static void putConfigValue(ObjectNode n, String key, Object value) {
        if (value instanceof List<?> list) {
            ArrayNode array = n.putArray(key);
            for (Object item : list) {
                if (item == null) {
                    array.addNull();
                } else if (item instanceof Boolean b) {
                    array.add(b);
                } else if (item instanceof Double d) {
                    array.add(d);
                } else if (item instanceof Number number) {
                    array.add(number.longValue());
                } else {
                    array.add(item.toString());
                }
            }
            return;
        }
        putNullable(n, key, value);
    }
}
