package io.musicassistant.alexa.masim.library;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One parsed line of the seed file: kind, positional fields, key=value attributes and bare flags. */
record SeedLine(String kind, List<String> positional, Map<String, String> attributes) {

    static SeedLine parse(String line) {
        String[] fields = line.split(" \\| ", -1);
        List<String> positional = new ArrayList<>();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 1; i < fields.length; i++) {
            String field = fields[i].strip();
            int eq = field.indexOf('=');
            boolean attribute = eq > 0 && field.substring(0, eq).matches("[a-z]+");
            if (attribute) {
                attributes.put(field.substring(0, eq), field.substring(eq + 1));
            } else if (field.matches("E|fav|partial|editable")) {
                attributes.put(field, "true");
            } else {
                positional.add(field);
            }
        }
        return new SeedLine(fields[0].strip(), positional, attributes);
    }

    String pos(int index) {
        if (index >= positional.size()) {
            throw new IllegalArgumentException("missing field " + (index + 1));
        }
        return positional.get(index);
    }

    String attr(String key, String fallback) {
        return attributes.getOrDefault(key, fallback);
    }

    boolean flag(String key) {
        return attributes.containsKey(key);
    }

    List<String> list(String key) {
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split(","));
    }
}
