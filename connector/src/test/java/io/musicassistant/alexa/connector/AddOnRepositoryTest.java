package io.musicassistant.alexa.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.musicassistant.alexa.connector.status.StatusSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The add-on repository (repository.yaml at the root, the add-on in connector/ha-addon/) passes the
 * Home Assistant add-on linter's rules ({@link AddOnLint}), and each rule family fails on a breakage.
 */
class AddOnRepositoryTest {

    static final Path ADD_ON = Path.of("ha-addon");

    @TempDir
    Path dir;

    @Test
    void theAddOnFolderPassesTheLinterRules() throws Exception {
        assertEquals(List.of(), AddOnLint.lint(ADD_ON));
    }

    @Test
    void theRepositoryRootHoldsRepositoryYamlAndTheAddOnIsTheOnlyConfigYaml() throws Exception {
        Map<String, Object> repository = AddOnLint.yaml(Path.of("../repository.yaml"));
        assertTrue(repository.get("name") instanceof String name && !name.isBlank());
        assertTrue(repository.get("url") instanceof String url && url.startsWith("https://"));
        assertTrue(repository.get("maintainer") instanceof String);
        // The Supervisor takes every config.yaml below the root for an add-on.
        try (Stream<Path> files = Files.walk(Path.of(".."))) {
            List<Path> configs = files.filter(p -> p.getFileName().toString().matches("config\\.(ya?ml|json)"))
                    .filter(p -> !p.toString().contains("/target/")
                            && !p.toString().contains("/node_modules/")
                            && !p.toString().contains("/.local/")
                            && !p.toString().contains("/.git/"))
                    .map(p -> Path.of("..").relativize(p))
                    .toList();
            assertEquals(List.of(Path.of("connector/ha-addon/config.yaml")), configs);
        }
    }

    @Test
    void theAddOnPointsAtTheRightMusicAssistantAndKeepsTheCacheOutOfBackups() throws Exception {
        Map<String, Object> config = AddOnLint.yaml(ADD_ON.resolve("config.yaml"));
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) config.get("options");
        // The Music Assistant add-on (github.com/music-assistant/home-assistant-addon, repository hash
        // d5369777, slug music_assistant): host d5369777-music-assistant, web server/API on 8095.
        assertEquals("http://d5369777-music-assistant:8095", options.get("ma_url"));
        assertTrue(options.containsKey("ma_token") && options.get("ma_token") == null, "required, no default");
        assertTrue(!options.containsKey("stream_base"), "optional, no default");
        assertTrue(((List<?>) config.get("backup_exclude")).contains("audio-cache"));
        assertEquals(Boolean.TRUE, config.get("ingress"));
        assertEquals(StatusSettings.DEFAULT_PORT, config.get("ingress_port"), "the status page's port (STATUS_PORT)");
        assertTrue(!config.containsKey("init"), "init: true (the default): the image has no init of its own");
    }

    // ---- each rule family can fail ----

    private List<String> lintBroken(Consumer<Map<String, Object>> breakage) throws IOException {
        Path copy = dir.resolve("addon");
        copyTree(ADD_ON, copy);
        Map<String, Object> config = new LinkedHashMap<>(AddOnLint.yaml(copy.resolve("config.yaml")));
        breakage.accept(config);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(copy.resolve("config.yaml"), new Yaml(options).dump(config));
        return AddOnLint.lint(copy);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void assertFails(List<String> errors, String expected) {
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), "expected '" + expected + "' in " + errors);
    }

    @Test
    void requiredKeysUnknownKeysAndDefaults() throws Exception {
        assertFails(lintBroken(c -> c.remove("description")), "required: description");
        assertFails(lintBroken(c -> c.put("colour", "blue")), "unknown key: colour");
        assertFails(lintBroken(c -> c.put("boot", "auto")), "'boot' should be removed");
        assertFails(lintBroken(c -> c.put("init", true)), "'init' should be removed");
        // the linter's schema gives options, schema and ulimits the default {}: an empty one is flagged too
        assertFails(lintBroken(c -> c.put("ulimits", Map.of())), "'ulimits' should be removed");
    }

    @Test
    void slugVersionArchAndImage() throws Exception {
        assertFails(lintBroken(c -> c.put("slug", "MA-Alexa")), "slug must be");
        assertFails(lintBroken(c -> c.put("version", 1.0)), "version must be");
        assertFails(lintBroken(c -> c.put("arch", List.of("amd64", "arm64"))), "arch must list");
        assertFails(lintBroken(c -> c.put("image", "ghcr.io/x/ma-alexa-connector")), "{arch}");
    }

    @Test
    void obsoleteKeysIngressAndPorts() throws Exception {
        assertFails(lintBroken(c -> c.put("watchdog", "tcp://[HOST]:[PORT:8099]")), "'watchdog' is obsolete");
        assertFails(lintBroken(c -> c.put("webui", "http://[HOST]:[PORT:8099]")), "'webui' should be removed");
        assertFails(lintBroken(c -> c.put("ingress_port", 0)), "ingress_port must be");
        assertFails(lintBroken(c -> c.put("ingress_port", 8099)), "must not also be published");
        assertFails(lintBroken(c -> c.put("ports", Map.of("8099", 8099))), "port key must be");
        assertFails(lintBroken(c -> c.put("ports", Map.of("8099/tcp", 70000))), "host port must be");
        assertFails(lintBroken(c -> c.put("ports_description", Map.of("9000/tcp", "x"))), "ports_description");
    }

    @Test
    void mapInTheCurrentForm() throws Exception {
        assertFails(lintBroken(c -> c.put("map", List.of("ssl:ro"))), "current object form");
        assertFails(lintBroken(c -> c.put("map", List.of(Map.of("type", "certs")))), "map entry invalid");
    }

    @Test
    @SuppressWarnings("unchecked")
    void optionsAndSchema() throws Exception {
        assertFails(
                lintBroken(c -> ((Map<String, Object>) c.get("schema")).put("virtual_players", "integer")),
                "schema type invalid");
        assertFails(
                lintBroken(c -> ((Map<String, Object>) c.get("options")).put("ma_token", "secret")),
                "secret option must have no default");
        assertFails(
                lintBroken(c -> ((Map<String, Object>) c.get("options")).put("stream_base", "")),
                "optional option must have no default");
        assertFails(
                lintBroken(c -> ((Map<String, Object>) c.get("options")).put("colour", "blue")),
                "option without a schema entry");
    }

    @Test
    @SuppressWarnings("unchecked")
    void translationsCoverEveryOptionAndPort() throws Exception {
        assertFails(
                lintBroken(c -> ((Map<String, Object>) c.get("schema")).put("stream_port", "port?")),
                "translated options");
        assertFails(lintBroken(c -> c.put("ports", Map.of("8099/tcp", 8099, "8097/tcp", 8097))), "network");
        Path copy = dir.resolve("addon");
        List<String> errors = lintBroken(c -> {});
        assertEquals(List.of(), errors);
        Files.delete(copy.resolve("translations/de.yaml"));
        assertFails(AddOnLint.lint(copy), "de.yaml missing");
    }

    @Test
    void iconLogoAndDocs() throws Exception {
        Path copy = dir.resolve("addon");
        assertEquals(List.of(), lintBroken(c -> {}));
        ImageIO.write(
                new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB),
                "png",
                copy.resolve("icon.png").toFile());
        ImageIO.write(
                new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB),
                "png",
                copy.resolve("logo.png").toFile());
        Files.writeString(copy.resolve("DOCS.md"), "");
        Files.writeString(copy.resolve("CHANGELOG.md"), "# Changelog\n");
        List<String> errors = new ArrayList<>(AddOnLint.lint(copy));
        assertFails(errors, "icon.png");
        assertFails(errors, "logo.png");
        assertFails(errors, "DOCS.md");
        assertFails(errors, "no entry for version");
    }
}
