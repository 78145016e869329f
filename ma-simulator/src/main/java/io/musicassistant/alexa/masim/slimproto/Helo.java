package io.musicassistant.alexa.masim.slimproto;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's HELO (slimproto.h {@code HELO_packet}) as aioslimproto reads it
 * ({@code client.py _process_helo}, {@code util.py parse_capabilities} @8847b791).
 *
 * @param playerId the MAC in lower-case colon form: MA's player_id
 * @param capabilities only the {@code key=value} tokens of the capability string survive
 *     ({@code parse_qsl} after replacing ',' by '&')
 */
public record Helo(int deviceId, int revision, String playerId, Map<String, String> capabilities, List<String> codecs) {

    /** aioslimproto {@code models.py DEVICE_TYPE}. */
    private static final Map<Integer, String> DEVICE_TYPES = Map.ofEntries(
            Map.entry(2, "squeezebox"),
            Map.entry(3, "softsqueeze"),
            Map.entry(4, "squeezebox2"),
            Map.entry(5, "transporter"),
            Map.entry(6, "softsqueeze3"),
            Map.entry(7, "receiver"),
            Map.entry(8, "squeezeslave"),
            Map.entry(9, "controller"),
            Map.entry(10, "boom"),
            Map.entry(11, "softboom"),
            Map.entry(12, "squeezeplay"),
            Map.entry(100, "squeezeesp32"));

    private static final List<String> CODECS = List.of("alc", "aac", "ogg", "ogf", "flc", "aif", "pcm", "mp3");
    private static final int CAPABILITIES_AT = 36;

    public Helo {
        capabilities = Map.copyOf(capabilities);
        codecs = List.copyOf(codecs);
    }

    static Optional<Helo> parse(byte[] data) {
        if (data.length < 8) {
            return Optional.empty();
        }
        StringBuilder mac = new StringBuilder();
        for (int i = 2; i < 8; i++) {
            if (i > 2) {
                mac.append(':');
            }
            mac.append(String.format("%02x", data[i] & 0xff));
        }
        Map<String, String> capabilities = new LinkedHashMap<>();
        List<String> codecs = new ArrayList<>();
        if (data.length > CAPABILITIES_AT) {
            String info = new String(data, CAPABILITIES_AT, data.length - CAPABILITIES_AT, StandardCharsets.UTF_8);
            for (String token : info.split("[,&]")) {
                int eq = token.indexOf('=');
                if (eq > 0 && eq < token.length() - 1) {
                    capabilities.put(unquote(token.substring(0, eq)), unquote(token.substring(eq + 1)));
                }
            }
            // the codecs hide in the string without keys: found by substring, as aioslimproto does
            for (String codec : CODECS) {
                if (info.contains(codec)) {
                    codecs.add(codec);
                }
            }
        }
        if (codecs.isEmpty()) {
            codecs.addAll(List.of("pcm", "mp3"));
        }
        return Optional.of(new Helo(data[0] & 0xff, data[1] & 0xff, mac.toString(), capabilities, codecs));
    }

    /** parse_qsl decodes '+' and %xx; a malformed escape is kept as it is. */
    private static String unquote(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    public String deviceType() {
        return DEVICE_TYPES.getOrDefault(deviceId, "unknown device");
    }

    /** {@code ModelName}, else {@code Model}, else aioslimproto's fallback. */
    public String model() {
        return capabilities.getOrDefault("ModelName", capabilities.getOrDefault("Model", "Squeezebox"));
    }

    public String firmware() {
        return capabilities.getOrDefault("Firmware", "Unknown");
    }

    /** aioslimproto's name before the client told its own: {@code "{device_type}: {mac}"}. */
    public String fallbackName() {
        return deviceType() + ": " + playerId;
    }
}
