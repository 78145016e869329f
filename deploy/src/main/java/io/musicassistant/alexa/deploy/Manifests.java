package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.stack.AlexaRegion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a skill.json template (skill-package/&lt;skill&gt;/skill.json) into what SMAPI is given:
 * endpoints set from the stacks' outputs (or left out before the Lambdas exist), privacy and terms
 * URLs set or their keys removed, and no {@code ${…}} left anywhere.
 */
final class Manifests {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private Manifests() {}

    /**
     * The skill's endpoints in each Alexa region. Every region deployed gets its own
     * {@code regions.<NA|EU|FE>} entry, so Alexa calls each locale's requests in the region the locale
     * belongs to; the default endpoint, which Alexa uses for a region without an entry, is NA's, or
     * without NA the first region deployed.
     *
     * @param defaultArn the manifest's {@code endpoint.uri}
     * @param regional the {@code regions.NA|EU|FE.endpoint.uri} entries
     */
    record Endpoints(String defaultArn, Map<AlexaRegion, String> regional) {

        Endpoints {
            regional = Map.copyOf(regional);
        }

        /** From the stack outputs of every region deployed, in the order they were first deployed. */
        static Endpoints of(Map<String, StackOutputs> stacks, Function<StackOutputs, String> arn) {
            Map<AlexaRegion, String> regional = new LinkedHashMap<>();
            for (Entry<String, StackOutputs> stack : stacks.entrySet()) {
                AlexaRegion region = AlexaRegion.ofAwsRegion(stack.getKey())
                        .orElseThrow(
                                () -> new IllegalStateException("unknown region in the state file: " + stack.getKey()));
                regional.put(region, arn.apply(stack.getValue()));
            }
            if (regional.isEmpty()) {
                throw new IllegalStateException("no stack deployed yet, so there is no endpoint");
            }
            String defaultArn = regional.getOrDefault(
                    AlexaRegion.NA, regional.values().iterator().next());
            return new Endpoints(defaultArn, regional);
        }
    }

    /**
     * @param template the parsed skill.json
     * @param endpoints the Lambda endpoints, or null to leave them out (a skill created before its Lambdas)
     * @param privacyPolicyUrl or null to remove the {@code privacyPolicyUrl} keys
     * @param termsOfUseUrl or null to remove the {@code termsOfUseUrl} keys
     */
    static ObjectNode render(
            JsonNode template, Skill skill, Endpoints endpoints, String privacyPolicyUrl, String termsOfUseUrl) {
        ObjectNode root = template.deepCopy();
        ObjectNode manifest = object(root, "manifest");
        for (String pointer : skill.endpointHolders()) {
            if (!(manifest.at(pointer) instanceof ObjectNode holder)) {
                if (pointer.equals(Skill.EVENTS)) {
                    continue; // a skill may subscribe to no events
                }
                throw new IllegalStateException("the manifest has no object " + pointer);
            }
            holder.remove("regions");
            if (endpoints == null) {
                if (pointer.equals(Skill.EVENTS)) {
                    manifest.remove("events"); // subscriptions need an endpoint; they come with the update
                } else {
                    holder.remove("endpoint");
                }
                continue;
            }
            holder.set("endpoint", endpoint(endpoints.defaultArn()));
            if (!endpoints.regional().isEmpty()) {
                ObjectNode regions = holder.putObject("regions");
                for (AlexaRegion region : AlexaRegion.values()) {
                    String arn = endpoints.regional().get(region);
                    if (arn != null) {
                        regions.putObject(region.name()).set("endpoint", endpoint(arn));
                    }
                }
            }
        }
        JsonNode privacy = manifest.path("privacyAndCompliance").path("locales");
        if (privacy instanceof ObjectNode locales) {
            setOrRemove(locales, "privacyPolicyUrl", privacyPolicyUrl);
            setOrRemove(locales, "termsOfUseUrl", termsOfUseUrl);
            if (locales.isEmpty()) {
                ((ObjectNode) manifest.get("privacyAndCompliance")).remove("locales");
            }
        }
        requireNoPlaceholders(root, "skill-package/" + skill.folder() + "/skill.json");
        return root;
    }

    /** Where a rendered manifest names its Lambdas: each endpoint holder's endpoint and regions. */
    static ObjectNode endpointSection(JsonNode rendered, Skill skill) {
        ObjectNode section = JSON.createObjectNode();
        for (String pointer : skill.endpointHolders()) {
            JsonNode holder = rendered.path("manifest").at(pointer);
            if (holder.isObject()) {
                ObjectNode shown = section.putObject(pointer.substring(1).replace('/', '.'));
                for (String key : List.of("endpoint", "regions")) {
                    if (holder.has(key)) {
                        shown.set(key, holder.get(key));
                    }
                }
            }
        }
        return section;
    }

    /** Replaces {@code ${NAME}} in every string of the tree with {@code values.get(NAME)}. */
    static JsonNode fill(JsonNode template, Map<String, String> values, String source) {
        JsonNode copy = template.deepCopy();
        replaceTexts(copy, text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
            }
            m.appendTail(out);
            return out.toString();
        });
        requireNoPlaceholders(copy, source);
        return copy;
    }

    static void requireNoPlaceholders(JsonNode tree, String source) {
        List<String> left = new ArrayList<>();
        replaceTexts(tree, text -> {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                left.add(m.group());
            }
            return text;
        });
        if (!left.isEmpty()) {
            throw new IllegalStateException(source + " still has " + String.join(", ", left) + " after rendering");
        }
    }

    private static void setOrRemove(ObjectNode locales, String key, String value) {
        for (Iterator<Entry<String, JsonNode>> it = locales.properties().iterator(); it.hasNext(); ) {
            Entry<String, JsonNode> locale = it.next();
            if (!(locale.getValue() instanceof ObjectNode entry)) {
                continue;
            }
            if (value == null) {
                entry.remove(key);
            } else {
                entry.put(key, value);
            }
            if (entry.isEmpty()) {
                it.remove();
            }
        }
    }

    private static ObjectNode endpoint(String uri) {
        ObjectNode endpoint = JSON.createObjectNode();
        endpoint.put("uri", uri);
        return endpoint;
    }

    private static ObjectNode object(JsonNode parent, String key) {
        if (parent.get(key) instanceof ObjectNode child) {
            return child;
        }
        throw new IllegalStateException("the manifest has no object \"" + key + "\"");
    }

    private static void replaceTexts(JsonNode node, Function<String, String> change) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    field.setValue(object.textNode(change.apply(field.getValue().asText())));
                } else {
                    replaceTexts(field.getValue(), change);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element.isTextual()) {
                    array.set(i, array.textNode(change.apply(element.asText())));
                } else {
                    replaceTexts(element, change);
                }
            }
        }
    }
}
