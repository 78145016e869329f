package io.musicassistant.alexa.connector;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.yaml.snakeyaml.Yaml;

/**
 * The Home Assistant add-on linter's rules (github.com/frenck/action-addon-linter: src/lint.py and
 * src/config.schema.json), plus the Supervisor's option schema types and the add-on documentation's
 * layout rules (translations, icon and logo), as a check of ours. {@link #lint} returns one line per
 * violation, empty when the add-on folder passes.
 */
final class AddOnLint {

    /** The schema's properties (additionalProperties: false), with the defaults the linter wants removed. */
    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("advanced", false),
            Map.entry("apparmor", true),
            Map.entry("audio", false),
            Map.entry("auth_api", false),
            Map.entry("backup", "hot"),
            Map.entry("boot", "auto"),
            Map.entry("devicetree", false),
            Map.entry("docker_api", false),
            Map.entry("full_access", false),
            Map.entry("gpio", false),
            Map.entry("hassio_api", false),
            Map.entry("hassio_role", "default"),
            Map.entry("homeassistant", false),
            Map.entry("homeassistant_api", false),
            Map.entry("host_dbus", false),
            Map.entry("host_ipc", false),
            Map.entry("host_network", false),
            Map.entry("host_pid", false),
            Map.entry("host_uts", false),
            Map.entry("ingress", false),
            Map.entry("ingress_port", 8099),
            Map.entry("ingress_stream", false),
            Map.entry("init", true),
            Map.entry("journald", false),
            Map.entry("kernel_modules", false),
            Map.entry("legacy", false),
            Map.entry("options", Map.of()),
            Map.entry("panel_admin", true),
            Map.entry("panel_icon", "mdi:puzzle"),
            Map.entry("realtime", false),
            Map.entry("schema", Map.of()),
            Map.entry("stage", "stable"),
            Map.entry("startup", "application"),
            Map.entry("stdin", false),
            Map.entry("timeout", 10),
            Map.entry("tmpfs", false),
            Map.entry("uart", false),
            Map.entry("udev", false),
            Map.entry("ulimits", Map.of()),
            Map.entry("usb", false),
            Map.entry("video", false));

    static final Set<String> WITHOUT_DEFAULT = Set.of(
            "arch",
            "auto_uart",
            "backup_exclude",
            "backup_pre",
            "backup_post",
            "breaking_versions",
            "codenotary",
            "description",
            "devices",
            "discovery",
            "environment",
            "image",
            "ingress_entry",
            "machine",
            "map",
            "name",
            "panel_title",
            "ports",
            "ports_description",
            "privileged",
            "services",
            "slug",
            "url",
            "version",
            "watchdog",
            "webui");

    static final List<String> REQUIRED = List.of("arch", "description", "name", "slug", "version");
    static final Set<String> ARCHES = Set.of("aarch64", "amd64", "armhf", "armv7", "i386");
    static final Set<String> MAP_TYPES = Set.of(
            "addon_config",
            "app_config",
            "addons",
            "local_apps",
            "all_addon_configs",
            "all_app_configs",
            "backup",
            "config",
            "data",
            "homeassistant_config",
            "media",
            "share",
            "ssl");

    /** The Supervisor's option types (developers.home-assistant.io, add-on configuration, "Options / Schema"). */
    static final Pattern OPTION_TYPE = Pattern.compile("(str(\\(\\d*,\\d*\\))?|bool|password|email|url|port"
            + "|int(\\(-?\\d*,-?\\d*\\))?|float(\\(-?[\\d.]*,-?[\\d.]*\\))?|match\\(.+\\)|list\\([^|()]+(\\|[^|()]+)*\\)"
            + "|device(\\(.+\\))?)\\??");

    static final Pattern SLUG = Pattern.compile("[a-z0-9_]+");
    static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+([.-][0-9A-Za-z.]+)?|dev");
    static final Pattern PORT = Pattern.compile("\\d{1,5}/(tcp|udp)");

    private AddOnLint() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) throws IOException {
        Object loaded = new Yaml().load(Files.readString(file));
        return loaded instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<String> lint(Path addOn) throws IOException {
        List<String> errors = new ArrayList<>();
        Path file = addOn.resolve("config.yaml");
        if (!Files.isRegularFile(file)) {
            return List.of("config.yaml missing");
        }
        Map<String, Object> config = yaml(file);
        config(config, errors);
        translations(addOn, config, errors);
        images(addOn, errors);
        for (String doc : List.of("DOCS.md", "CHANGELOG.md")) {
            Path path = addOn.resolve(doc);
            if (!Files.isRegularFile(path) || Files.readString(path).isBlank()) {
                errors.add(doc + " missing or empty");
            }
        }
        Path changelog = addOn.resolve("CHANGELOG.md");
        if (Files.isRegularFile(changelog) && !Files.readString(changelog).contains("## " + config.get("version"))) {
            errors.add("CHANGELOG.md has no entry for version " + config.get("version"));
        }
        return errors;
    }

    @SuppressWarnings("unchecked")
    static void config(Map<String, Object> config, List<String> errors) {
        for (String key : REQUIRED) {
            if (!config.containsKey(key)) {
                errors.add("required: " + key);
            }
        }
        for (Map.Entry<String, Object> entry : config.entrySet()) {
            String key = entry.getKey();
            if (!DEFAULTS.containsKey(key) && !WITHOUT_DEFAULT.contains(key)) {
                errors.add("unknown key: " + key);
            } else if (DEFAULTS.containsKey(key) && DEFAULTS.get(key).equals(entry.getValue())) {
                errors.add("'" + key + "' should be removed, it uses a default value");
            }
        }
        if (!(config.get("slug") instanceof String slug) || !SLUG.matcher(slug).matches()) {
            errors.add("slug must be lower case letters, digits and _: " + config.get("slug"));
        }
        if (!(config.get("version") instanceof String version)
                || !VERSION.matcher(version).matches()) {
            errors.add("version must be a quoted string like \"1.2.3\": " + config.get("version"));
        }
        if (!(config.get("arch") instanceof List<?> arches) || arches.isEmpty() || !ARCHES.containsAll(arches)) {
            errors.add("arch must list some of " + ARCHES + ": " + config.get("arch"));
        }
        Object image = config.get("image");
        if (image != null && !(image instanceof String s && s.contains("{arch}"))) {
            errors.add("image must name one image per architecture with {arch}: " + image);
        }
        if (config.containsKey("watchdog")) {
            errors.add("'watchdog' is obsolete; use the image's HEALTHCHECK");
        }
        if (config.containsKey("auto_uart")) {
            errors.add("'auto_uart' is deprecated");
        }
        boolean ingress = Boolean.TRUE.equals(config.get("ingress"));
        Map<String, Object> ports = config.get("ports") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
        if (ingress) {
            if (config.containsKey("webui")) {
                errors.add("'webui' should be removed, Ingress is enabled");
            }
            Object ingressPort = config.getOrDefault("ingress_port", 8099);
            if (!(ingressPort instanceof Integer port) || port < 1 || port > 65535) {
                errors.add("ingress_port must be a fixed port (not 0) off the host network: " + ingressPort);
            } else if (ports.containsKey(port + "/tcp")) {
                errors.add("ingress_port " + port + " must not also be published in ports");
            }
        } else if (config.containsKey("ingress_port") || config.containsKey("panel_icon")) {
            errors.add("ingress_port/panel_icon without ingress");
        }
        for (Map.Entry<String, Object> port : ports.entrySet()) {
            if (!PORT.matcher(port.getKey()).matches()) {
                errors.add("port key must be <port>/tcp|udp: " + port.getKey());
            }
            Object host = port.getValue();
            if (host != null && !(host instanceof Integer h && h >= 1 && h <= 65535)) {
                errors.add("host port must be 1..65535 or null: " + port.getKey() + " -> " + host);
            }
        }
        Object described = config.get("ports_description");
        if (described instanceof Map<?, ?> d && !ports.keySet().containsAll(d.keySet())) {
            errors.add("ports_description names ports not in ports: " + d.keySet());
        }
        Object map = config.get("map");
        if (map != null) {
            if (!(map instanceof List<?> list)) {
                errors.add("map must be a list");
            } else {
                for (Object item : list) {
                    if (!(item instanceof Map<?, ?> m)) {
                        errors.add("map entries use the current object form {type, read_only, path}: " + item);
                    } else if (!MAP_TYPES.contains(m.get("type"))
                            || !Set.of("type", "read_only", "path").containsAll(m.keySet())
                            || (m.containsKey("read_only") && !(m.get("read_only") instanceof Boolean))) {
                        errors.add("map entry invalid: " + m);
                    }
                }
            }
        }
        Map<String, Object> schema = config.get("schema") instanceof Map<?, ?> s ? (Map<String, Object>) s : Map.of();
        Map<String, Object> options = config.get("options") instanceof Map<?, ?> o ? (Map<String, Object>) o : Map.of();
        for (Map.Entry<String, Object> entry : schema.entrySet()) {
            if (entry.getValue() instanceof List<?> list) {
                // a list option: one element type, and a default (an empty list) in options
                if (list.size() != 1
                        || !(list.getFirst() instanceof String type)
                        || type.endsWith("?")
                        || !OPTION_TYPE.matcher(type).matches()
                        || !(options.get(entry.getKey()) instanceof List<?>)) {
                    errors.add("list option invalid: " + entry.getKey() + ": " + entry.getValue());
                }
            } else if (!(entry.getValue() instanceof String type)
                    || !OPTION_TYPE.matcher(type).matches()) {
                errors.add("schema type invalid: " + entry.getKey() + ": " + entry.getValue());
            } else if (type.startsWith("password") && options.get(entry.getKey()) != null) {
                errors.add("secret option must have no default: " + entry.getKey());
            } else if (type.endsWith("?") && options.containsKey(entry.getKey())) {
                errors.add("optional option must have no default (it would never be unset): " + entry.getKey());
            }
        }
        for (String key : options.keySet()) {
            if (!schema.containsKey(key)) {
                errors.add("option without a schema entry: " + key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static void translations(Path addOn, Map<String, Object> config, List<String> errors) throws IOException {
        Set<String> options = config.get("schema") instanceof Map<?, ?> s ? (Set<String>) s.keySet() : Set.of();
        Set<String> ports = config.get("ports") instanceof Map<?, ?> p ? (Set<String>) p.keySet() : Set.of();
        for (String language : List.of("en", "de")) {
            Path file = addOn.resolve("translations/" + language + ".yaml");
            if (!Files.isRegularFile(file)) {
                errors.add("translations/" + language + ".yaml missing");
                continue;
            }
            Map<String, Object> translation = yaml(file);
            Map<String, Object> configuration =
                    translation.get("configuration") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
            if (!configuration.keySet().equals(options)) {
                errors.add(language + ": translated options " + configuration.keySet() + " are not the schema's "
                        + options);
            }
            for (Map.Entry<String, Object> entry : configuration.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> text)
                        || !(text.get("name") instanceof String name && !name.isBlank())
                        || !(text.get("description") instanceof String description && !description.isBlank())) {
                    errors.add(language + ": " + entry.getKey() + " needs a name and a description");
                }
            }
            Object network = translation.get("network");
            if (!(network instanceof Map<?, ?> n) || !n.keySet().equals(ports)) {
                errors.add(language + ": network must describe the ports " + ports);
            }
        }
    }

    static void images(Path addOn, List<String> errors) throws IOException {
        BufferedImage icon = read(addOn.resolve("icon.png"));
        if (icon == null || icon.getWidth() != 128 || icon.getHeight() != 128) {
            errors.add("icon.png must be a 128x128 PNG");
        }
        BufferedImage logo = read(addOn.resolve("logo.png"));
        if (logo == null
                || logo.getWidth() < 200
                || logo.getWidth() > 300
                || Math.abs(logo.getWidth() / (double) logo.getHeight() - 2.5) > 0.3) {
            errors.add("logo.png must be a PNG of about 250x100");
        }
    }

    private static BufferedImage read(Path file) throws IOException {
        return Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
    }
}
