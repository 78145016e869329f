package io.musicassistant.alexa.relay.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A global, long-lived content id: the same id means the same thing for every user ("the album OK
 * Computer by Radiohead in your library") and is resolved against each user's own Music
 * Assistant when played. Derived only from the kind and normalised names, never from ids that
 * differ between homes.
 *
 * <p>Form: {@code ma1:<kind>[:<name key>[:<artist key>]]}, e.g. {@code ma1:album:ok-computer:radiohead},
 * {@code ma1:artist:sigur-ros}, {@code ma1:library}. Keys are {@link Names#key} output with
 * anything outside {@code [a-z0-9-]} percent-encoded as UTF-8, so ids stay ASCII.
 *
 * @param kind what the content is
 * @param name normalised key of the item's name; empty for the library
 * @param artist normalised key of the artist for tracks and albums; empty when unknown
 */
public record ContentId(ContentKind kind, String name, String artist) {

    public static final String PREFIX = "ma1:";
    /**
     * Keys whose encoded form is longer than this are cut; matching then compares the cut prefix.
     * Parsing refuses longer keys: they were never issued, and a key must fit a
     * {@link ContentQuery} ({@link ContentQuery#MAX_TEXT_LENGTH}) once decoded.
     */
    public static final int MAX_KEY_LENGTH = 96;
    /** The longest id we issue ({@code ma1:playlist:<key>:<key>}); longer ones are refused unread. */
    public static final int MAX_ID_LENGTH = PREFIX.length() + "playlist".length() + 2 * (1 + MAX_KEY_LENGTH);

    /** What {@link Names#key} can produce: letters and digits of any script and dashes, maybe cut. */
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N}-]+\\" + Names.CUT + "?");

    public ContentId {
        name = name == null ? "" : name;
        artist = artist == null ? "" : artist;
    }

    /** The id for content as the user's Music Assistant resolved it. */
    public static ContentId of(ResolvedContent content) {
        return of(content.kind(), content.name(), content.artist());
    }

    /**
     * The id of an item named {@code name} (by {@code artist}: only tracks and albums keep it), as a
     * home names its library for the catalog and as the cloud resolves it: the same function on both
     * sides is what makes a catalog entity play the right item.
     */
    public static ContentId of(ContentKind kind, String name, String artist) {
        String by = switch (kind) {
            case TRACK, ALBUM -> artist;
            default -> null;
        };
        return new ContentId(kind, cut(Names.key(name)), cut(Names.key(by)));
    }

    public String encode() {
        StringBuilder id = new StringBuilder(PREFIX).append(kind.wireName());
        if (kind != ContentKind.LIBRARY) {
            id.append(':').append(escape(name));
            if (!artist.isEmpty()) {
                id.append(':').append(escape(artist));
            }
        }
        return id.toString();
    }

    /** Parses one of our ids; empty for anything else (other catalogs, garbage). */
    public static Optional<ContentId> parse(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = id.substring(PREFIX.length()).split(":", -1);
        ContentKind kind;
        try {
            kind = ContentKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (kind == ContentKind.ANY) {
            return Optional.empty(); // a search kind, never in an id we issue
        }
        if (kind == ContentKind.LIBRARY) {
            return parts.length == 1 ? Optional.of(new ContentId(kind, "", "")) : Optional.empty();
        }
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        if (parts[1].length() > MAX_KEY_LENGTH || parts.length == 3 && parts[2].length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        Optional<String> name = unescape(parts[1]);
        Optional<String> artist = parts.length == 3 ? unescape(parts[2]) : Optional.of("");
        if (name.isEmpty()
                || !isKey(name.get())
                || artist.isEmpty()
                || !artist.get().isEmpty() && !isKey(artist.get())) {
            return Optional.empty();
        }
        return Optional.of(new ContentId(kind, name.get(), artist.get()));
    }

    /**
     * Whether a decoded key could have come from {@link Names#key} (and {@link #cut}): anything else,
     * such as control characters or noncharacters smuggled in by percent-encoding, was never issued.
     * A cut mark only ends a key and never stands alone (that would match everything).
     */
    private static boolean isKey(String key) {
        return KEY.matcher(key).matches();
    }

    /**
     * Cuts a key so that its encoded form stays within {@link #MAX_KEY_LENGTH} characters (a CJK
     * letter encodes to nine, so a cut by letters alone could make ids too long to come back), and
     * marks the cut with {@link Names#CUT} so that matching compares prefixes.
     */
    private static String cut(String key) {
        if (encodedLength(key, key.length()) <= MAX_KEY_LENGTH) {
            return key;
        }
        int end = 0;
        while (end < key.length()) {
            int next = end + Character.charCount(key.codePointAt(end));
            if (encodedLength(key, next) > MAX_KEY_LENGTH - 1) {
                break;
            }
            end = next;
        }
        return key.substring(0, end) + Names.CUT;
    }

    /** Length of {@code key.substring(0, end)} once escaped for an id. */
    private static int encodedLength(String key, int end) {
        int length = 0;
        for (byte b : key.substring(0, end).getBytes(StandardCharsets.UTF_8)) {
            length += safe(b & 0xff) ? 1 : 3;
        }
        return length;
    }

    private static boolean safe(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == Names.CUT;
    }

    private static String escape(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (safe(c)) {
                out.append((char) c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static Optional<String> unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(escaped.charAt(i + 1), 16);
                int lo = Character.digit(escaped.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (safe(c)) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }
}
