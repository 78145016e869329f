package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.error.MaError;
import io.musicassistant.alexa.masim.player.PlayerConfig;
import io.musicassistant.alexa.masim.player.PlayerConfigs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The player part of {@code config/*} (controllers/config.py): read a player's config, save
 * changes to it. Saving needs the admin role on stable servers and the
 * {@code config.players.write} scope on newest ones; neither is granted to role "user", so the
 * Alexa bridge's own token cannot save.
 */
final class ConfigCommands {

    private static final String VALUES_TYPE = "dict[str, ConfigValueType]";

    private ConfigCommands() {}

    static void register(CommandRegistry registry, Services services) {
        PlayerConfigs configs = services.players().configs();
        registry.register("config/players", Access.user("config.players.read"), call -> {
            String provider = call.args().optStr("provider");
            boolean includeValues = call.args().bool("include_values", false);
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (PlayerConfig config : configs.all()) {
                if (provider == null || provider.equals(config.provider())) {
                    ObjectNode json = services.json().playerConfig(config);
                    if (!includeValues) {
                        json.putObject("values"); // MA parses the raw config without its entries
                    }
                    list.add(json);
                }
            }
            return Reply.of(list);
        });
        registry.register("config/players/get", Access.user("config.players.read"), call -> {
            String playerId = call.args().str("player_id");
            PlayerConfig config = configs.get(playerId)
                    .orElseThrow(() -> MaError.keyError("No config found for player id " + playerId));
            return Reply.of(services.json().playerConfig(config));
        });
        registry.register("config/players/save", Access.admin("config.players.write"), call -> {
            String playerId = call.args().str("player_id");
            JsonNode values = call.args().raw("values");
            if (values == null) {
                throw Args.required("values", VALUES_TYPE);
            }
            if (!values.isObject()) {
                throw Args.invalid("values", values, VALUES_TYPE);
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            values.properties().forEach(e -> changes.put(e.getKey(), plain(e.getValue())));
            return Reply.of(services.json().playerConfig(configs.save(playerId, changes)));
        });
        registry.register("config/players/remove", Access.admin("config.players.write"), call -> {
            configs.remove(call.args().str("player_id"));
            return Reply.none();
        });
    }

    /** ConfigValueType: str, int, float, bool, None or a list of those. */
    private static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        return value.asText();
    }
}
