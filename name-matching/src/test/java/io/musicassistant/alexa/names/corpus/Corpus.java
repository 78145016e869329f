package io.musicassistant.alexa.names.corpus;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicassistant.alexa.names.Candidate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One language's corpus ({@code src/test/resources/corpus/<language>.json}): a library as Music
 * Assistant would hold it, and the names as Alexa's speech recognition writes them for that language,
 * each with the item meant or {@code null} for "not in the library". The format is in the corpus's
 * README.
 */
public record Corpus(String language, List<Item> library, List<Case> cases) {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Corpus {
        library = List.copyOf(library);
        cases = List.copyOf(cases);
    }

    /** A library item: its kind, its name as the library spells it and, for tracks and albums, artists. */
    public record Item(Kind kind, String name, List<String> artists) {
        public Item {
            artists = artists == null ? List.of() : List.copyOf(artists);
        }

        public Candidate candidate() {
            return new Candidate(name, artists);
        }
    }

    /**
     * A spoken request: {@code spoken} (and, when said, "by {@code artist}") as Alexa writes them, and
     * the item meant — {@code expect} with {@code expectArtist} when the name alone is ambiguous — or
     * {@code expect == null} when the library does not hold it.
     */
    public record Case(
            Kind kind,
            String spoken,
            String artist,
            String expect,
            String expectArtist,
            Category category,
            String note) {

        public boolean expectsNotFound() {
            return expect == null;
        }

        /** Whether {@code item} is the one this case means. */
        public boolean means(Item item) {
            return expect != null
                    && item.kind() == kind
                    && item.name().equals(expect)
                    && (expectArtist == null || item.artists().contains(expectArtist));
        }
    }

    /** The library items of one kind, in file order: every case is matched against all of them. */
    public List<Item> itemsOf(Kind kind) {
        return library.stream().filter(i -> i.kind() == kind).toList();
    }

    /** Reads one language's corpus from the test classpath. */
    public static Corpus load(String language) {
        String resource = "/corpus/" + language + ".json";
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus " + resource);
            }
            return JSON.readValue(in, Corpus.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The languages that have a corpus file, sorted. */
    public static List<String> languages() {
        URL dir = Objects.requireNonNull(Corpus.class.getResource("/corpus"), "no /corpus on the classpath");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every language's corpus. */
    public static List<Corpus> all() {
        return languages().stream().map(Corpus::load).toList();
    }
}
