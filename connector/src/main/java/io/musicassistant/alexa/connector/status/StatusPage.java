package io.musicassistant.alexa.connector.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page itself: a template with the chosen language's words filled in, the script and style it
 * loads (no inline script: the Content-Security-Policy forbids it), and the data the script starts
 * from in a JSON block — the words it needs later, the sentence to say per Alexa locale, and the
 * status at the time of the request.
 */
final class StatusPage {

    static final List<String> LANGUAGES = List.of("en", "de");
    private static final String BASE = "/status/";
    private static final Pattern KEY = Pattern.compile("\\{\\{([a-z_]+)}}");
    /** The locale an Alexa of each language most often has, when the browser names only the language. */
    private static final Map<String, String> LANGUAGE_LOCALES = Map.of(
            "en", "en-US", "de", "de-DE", "es", "es-ES", "fr", "fr-FR", "it", "it-IT", "ja", "ja-JP", "hi", "hi-IN",
            "pt", "pt-BR");

    /** A static file the page loads. */
    record Asset(String contentType, byte[] bytes) {}

    /** The page's language and the Alexa locale whose sentence it shows first. */
    record Choice(String lang, String alexaLocale) {}

    /** What to say to link the home, in one Alexa locale; {@code {code}} stands for the code. */
    record Sentence(String name, String sentence) {}

    private final String template;
    private final Map<String, Map<String, String>> messages;
    private final Map<String, Sentence> sentences;
    private final Map<String, Asset> assets;

    private StatusPage(
            String template,
            Map<String, Map<String, String>> messages,
            Map<String, Sentence> sentences,
            Map<String, Asset> assets) {
        this.template = template;
        this.messages = messages;
        this.sentences = sentences;
        this.assets = assets;
    }

    static StatusPage load() {
        Map<String, Map<String, String>> messages = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            messages.put(lang, read("i18n/" + lang + ".json", new TypeReference<LinkedHashMap<String, String>>() {}));
        }
        return new StatusPage(
                new String(bytes("index.html"), StandardCharsets.UTF_8),
                messages,
                sentences(),
                Map.of(
                        "/status.js", new Asset("text/javascript; charset=utf-8", bytes("status.js")),
                        "/status.css", new Asset("text/css; charset=utf-8", bytes("status.css"))));
    }

    /** The sentences per Alexa locale, in the resource's order (PairingSentencesTest checks them against the models). */
    static Map<String, Sentence> sentences() {
        return read("pairing-sentences.json", new TypeReference<LinkedHashMap<String, Sentence>>() {});
    }

    Asset asset(String path) {
        return assets.get(path);
    }

    /** {@code ?lang=} first, then the browser's languages in the order of their weights, then English. */
    Choice choose(String langParam, String acceptLanguage) {
        List<String> wanted = ranked(acceptLanguage);
        String lang = langParam != null && LANGUAGES.contains(langParam)
                ? langParam
                : wanted.stream()
                        .map(StatusPage::language)
                        .filter(LANGUAGES::contains)
                        .findFirst()
                        .orElse("en");
        String locale = null;
        for (String tag : wanted) {
            locale = sentences.keySet().stream()
                    .filter(l -> l.equalsIgnoreCase(tag))
                    .findFirst()
                    .orElse(
                            sentences.containsKey(LANGUAGE_LOCALES.get(language(tag)))
                                    ? LANGUAGE_LOCALES.get(language(tag))
                                    : null);
            if (locale != null) {
                break;
            }
        }
        return new Choice(lang, locale != null ? locale : LANGUAGE_LOCALES.get(lang));
    }

    String render(Choice choice, StatusFeed.Version status) {
        Map<String, String> words = messages.get(choice.lang());
        ObjectNode data = StatusJson.MAPPER.createObjectNode();
        data.put("lang", choice.lang());
        data.put("alexa_locale", choice.alexaLocale());
        data.set("messages", StatusJson.MAPPER.valueToTree(words));
        data.set("sentences", StatusJson.MAPPER.valueToTree(sentences));
        data.set("status", StatusJson.tree(status));
        Map<String, String> fill = new LinkedHashMap<>();
        words.forEach((k, v) -> fill.put(k, escape(v)));
        fill.put("lang", choice.lang());
        fill.put("lang_links", langLinks(choice.lang()));
        fill.put("locale_options", localeOptions(choice.alexaLocale()));
        // In a data block only "<" could end it early; as \\u003c it stays the same JSON.
        fill.put("page_data", StatusJson.text(data).replace("<", "\\u003c"));
        Matcher m = KEY.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = fill.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "the page names {{" + m.group(1) + "}}, which " + choice.lang() + " lacks");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String langLinks(String current) {
        StringBuilder links = new StringBuilder();
        for (String lang : LANGUAGES) {
            String name = lang.equals("de") ? "Deutsch" : "English";
            links.append("<a href=\"?lang=")
                    .append(lang)
                    .append("\" hreflang=\"")
                    .append(lang)
                    .append("\" lang=\"")
                    .append(lang)
                    .append('"')
                    .append(lang.equals(current) ? " aria-current=\"true\"" : "")
                    .append('>')
                    .append(name)
                    .append("</a>");
        }
        return links.toString();
    }

    private String localeOptions(String selected) {
        StringBuilder options = new StringBuilder();
        sentences.forEach((locale, s) -> options.append("<option value=\"")
                .append(locale)
                .append('"')
                .append(locale.equals(selected) ? " selected" : "")
                .append('>')
                .append(escape(s.name()))
                .append("</option>"));
        return options.toString();
    }

    /** Accept-Language's tags, highest weight first (equal weights keep their order); q=0 means "not this". */
    static List<String> ranked(String header) {
        if (header == null || header.length() > 512) {
            return List.of();
        }
        record Tag(String tag, double q) {}
        List<Tag> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pieces = part.strip().split(";");
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String tag = pieces[0].strip();
            if (q > 0 && !tag.isEmpty() && !tag.equals("*")) {
                tags.add(new Tag(tag, q));
            }
        }
        tags.sort(Comparator.comparingDouble(Tag::q).reversed());
        return tags.stream().map(Tag::tag).toList();
    }

    private static String language(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static byte[] bytes(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + BASE + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String name, TypeReference<T> type) {
        try {
            return StatusJson.MAPPER.readValue(bytes(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BASE + name, e);
        }
    }
}
