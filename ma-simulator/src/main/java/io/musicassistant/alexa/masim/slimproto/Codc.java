package io.musicassistant.alexa.masim.slimproto;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The codec of a stream as Slimproto names it in {@code strm s} and {@code codc}. */
final class Codc {

    private Codc() {}

    /** aioslimproto {@code _parse_codc}: the 5 codec bytes of strm and codc. */
    static String details(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        if (type.contains("wav") || type.contains("pcm")) {
            Map<String, String> params = new HashMap<>();
            for (String part : type.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    params.put(
                            part.substring(0, eq).strip(),
                            part.substring(eq + 1).strip());
                }
            }
            String size = switch (params.getOrDefault("bitrate", "16")) {
                case "8" -> "0";
                case "20" -> "2";
                case "32" -> "3";
                case "24" -> "4";
                default -> "1";
            };
            String rate = switch (params.getOrDefault("rate", "44100")) {
                case "11000" -> "0";
                case "22000" -> "1";
                case "48000" -> "4";
                case "8000" -> "5";
                case "12000" -> "6";
                case "16000" -> "7";
                case "24000" -> "8";
                case "88200" -> ":";
                case "96000" -> "9";
                case "176400" -> ";";
                case "192000" -> "<";
                default -> "3";
            };
            return "p" + size + rate + params.getOrDefault("channels", "2") + "1";
        }
        return switch (type) {
            case "audio/flac", "audio/x-flac" -> "f????";
            case "audio/aac", "audio/aacp" -> "a2???";
            case "audio/ogg", "audio/oga" -> "o????";
            case "audio/wma" -> "w????";
            case "audio/alac" -> "l????";
            case "audio/dsf" -> "p????";
            default -> "m????"; // audio/mpeg, audio/mp3, and the fallback for anything unknown
        };
    }
}
