package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the ASK CLI's answers: SMAPI's JSON as {@code ask smapi} prints it on stdout (with
 * {@code --full-response}: {@code {"body", "headers", "statusCode"}}). Messages never quote an answer
 * that can hold credentials.
 */
final class Smapi {

    static final String SUCCEEDED = "SUCCEEDED";
    static final String IN_PROGRESS = "IN_PROGRESS";

    private Smapi() {}

    /**
     * A skill package import ({@code get-import-status}).
     *
     * @param status IN_PROGRESS, SUCCEEDED, FAILED, ROLLBACK_…
     * @param skillId the skill, once SMAPI names it (at once for a new skill)
     * @param problems SMAPI's errors, per resource where it names one
     * @param warnings SMAPI's warnings
     */
    record ImportStatus(String status, String skillId, List<String> problems, List<String> warnings) {

        boolean inProgress() {
            return IN_PROGRESS.equals(status);
        }

        boolean succeeded() {
            return SUCCEEDED.equals(status);
        }
    }

    /** The control skill's Alexa Skill Messaging credentials (Permissions page, "Send Alexa Events"). */
    record MessagingCredentials(String clientId, Secret clientSecret) {}

    /** {@code create-upload-url}: the presigned URL to PUT the package zip to. */
    static String uploadUrl(String stdout) throws IOException {
        return text(parse(stdout, "create-upload-url"), "uploadUrl", "create-upload-url");
    }

    /** {@code create-skill-package|import-skill-package --full-response}: the import id, last part of the Location header. */
    static String importId(String stdout, String command) throws IOException {
        JsonNode headers = parse(stdout, command).path("headers");
        String location = null;
        for (var it = headers.properties().iterator(); it.hasNext(); ) {
            var header = it.next();
            if (header.getKey().equalsIgnoreCase("location")) {
                location = header.getValue().asText();
            }
        }
        if (location == null || location.isBlank()) {
            throw new IOException(command + " answered without a Location header, so the import cannot be followed");
        }
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static ImportStatus importStatus(String stdout) throws IOException {
        JsonNode body = parse(stdout, "get-import-status");
        String status = text(body, "status", "get-import-status");
        String skillId = body.path("skill").path("skillId").asText(null);
        List<String> problems = new ArrayList<>(messages(body.path("errors"), null));
        List<String> warnings = new ArrayList<>(messages(body.path("warnings"), null));
        for (JsonNode resource : body.path("skill").path("resources")) {
            String name = resource.path("name").asText("resource");
            problems.addAll(messages(resource.path("errors"), name));
            warnings.addAll(messages(resource.path("warnings"), name));
        }
        return new ImportStatus(status, skillId, List.copyOf(problems), List.copyOf(warnings));
    }

    static MessagingCredentials credentials(String stdout) throws IOException {
        JsonNode body;
        try {
            body = Manifests.JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new IOException("get-skill-credentials answered something other than JSON");
        }
        JsonNode credentials = body.path("skillMessagingCredentials");
        String clientId = credentials.path("clientId").asText("");
        String clientSecret = credentials.path("clientSecret").asText("");
        if (clientId.isBlank() || clientSecret.isBlank()) {
            throw new IOException(
                    "get-skill-credentials answered without skillMessagingCredentials.clientId/clientSecret"
                            + " (does the manifest ask for the permission alexa::async_event:write?)");
        }
        return new MessagingCredentials(clientId, new Secret(clientSecret));
    }

    /** {@code get-account-linking-info}: the URLs LWA must allow as return URLs. */
    static List<String> redirectUrls(String stdout) throws IOException {
        JsonNode body = parse(stdout, "get-account-linking-info");
        // SMAPI's documentation shows the answer wrapped in accountLinkingResponse; the model has it bare.
        JsonNode response = body.has("accountLinkingResponse") ? body.get("accountLinkingResponse") : body;
        Set<String> urls = new LinkedHashSet<>();
        response.path("redirectUrls").forEach(url -> urls.add(url.asText()));
        return List.copyOf(urls);
    }

    private static List<String> messages(JsonNode errors, String resource) {
        List<String> out = new ArrayList<>();
        for (JsonNode error : errors) {
            String message = error.path("message").asText(error.toString());
            out.add(resource == null ? message : resource + ": " + message);
        }
        return out;
    }

    private static JsonNode parse(String stdout, String command) throws IOException {
        try {
            JsonNode node = Manifests.JSON.readTree(stdout);
            if (node == null || !node.isObject()) {
                throw new IOException(command + " answered no JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException(command + " answered something other than JSON: " + firstLine(stdout));
        }
    }

    private static String text(JsonNode node, String field, String command) throws IOException {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IOException(command + " answered without \"" + field + "\"");
        }
        return value;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("(nothing)");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
