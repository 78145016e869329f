package io.musicassistant.alexa.connector.audio;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=…} request (RFC 9110 §14), resolved against a length. Several ranges in
 * one header are answered with the whole body, which the RFC allows and no player needs otherwise.
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What the header asks for, before the length is known. */
    public sealed interface Request {
        /** {@code bytes=a-} or {@code bytes=a-b}. */
        record From(long first, long last) implements Request {}

        /** {@code bytes=-n}: the last n bytes. */
        record Suffix(long count) implements Request {}
    }

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long total) {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /** The request in a header; empty for no header, several ranges, or anything malformed (answered 200). */
    public static Optional<Request> parse(String header) {
        if (header == null || header.length() > 64) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            return Optional.of(new Request.Suffix(Long.parseLong(m.group(2))));
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
        if (last < first) {
            return Optional.empty(); // syntactically invalid: ignored, per RFC 9110
        }
        return Optional.of(new Request.From(first, last));
    }

    /** The bytes to send for a body of {@code total} bytes; empty when unsatisfiable (answered 416). */
    public static Optional<ByteRange> resolve(Request request, long total) {
        return switch (request) {
            case Request.From from ->
                from.first() >= total
                        ? Optional.empty()
                        : Optional.of(new ByteRange(from.first(), Math.min(from.last(), total - 1)));
            case Request.Suffix suffix ->
                suffix.count() == 0 || total == 0
                        ? Optional.empty()
                        : Optional.of(new ByteRange(Math.max(0, total - suffix.count()), total - 1));
        };
    }

    /** Whether the request starts at the first byte and runs to the end ({@code bytes=0-}). */
    public static boolean wholeFromStart(Request request) {
        return request instanceof Request.From(long first, long last) && first == 0 && last == Long.MAX_VALUE;
    }
}
