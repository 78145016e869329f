package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.connector.audio.Acquisition;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The audio path's figures: time to first byte and to the whole track for tracks not yet on the
 * connector's disk (Echo → HTTPS → stream server → virtual player → MA's stream), and the cache
 * hit rate over a queue played through the Music Skill, whose every item tells the home to fetch
 * the next one.
 */
final class AudioBenchmark {

    private AudioBenchmark() {}

    static void run(LocalStack stack, SkillClient skill, PrintStream out, int coldTracks) {
        EchoDevice echo = new EchoDevice(stack.streams().certificate().clientContext());
        var audio = stack.connector().audio();
        out.printf("%n%-48s %6s %8s %8s %8s %8s%n", "audio path (ms)", "n", "p50", "p90", "p99", "max");

        // Cold: library tracks fetched once each, in order, none of them on disk before.
        List<String> uris = new ArrayList<>();
        for (JsonNode track : stack.connector()
                .ma()
                .call(
                        "music/tracks/library_items",
                        Map.of("limit", coldTracks + 20, "offset", 100),
                        java.time.Duration.ofSeconds(10))) {
            String uri = track.path("uri").asText();
            if (audio.cache().find(uri).isEmpty() && uris.size() < coldTracks) {
                uris.add(uri);
            }
        }
        long[] firstByte = new long[uris.size()];
        long[] whole = new long[uris.size()];
        long bytes = 0;
        for (int i = 0; i < uris.size(); i++) {
            EchoDevice.Fetched f =
                    echo.fetch(stack.connector().signer().stream(uris.get(i)).url(), null);
            if (f.status() != 200 || !f.correct()) {
                throw new IllegalStateException("bad audio for " + uris.get(i) + ": " + f);
            }
            firstByte[i] = f.firstByteNanos();
            whole[i] = f.totalNanos();
            bytes += f.bytes();
        }
        Benchmark.line(out, "first byte, track not cached (miss)", firstByte);
        Benchmark.line(out, "whole track available, not cached", whole);
        out.printf(
                "  (%d tracks, %.1f MB on average, as fast as the simulator serves them: no MA pacing)%n",
                uris.size(), bytes / 1e6 / Math.max(1, uris.size()));

        // A queue: an album through the Music Skill; each GetNextItem comes after the Echo fetched the previous track.
        String token = LocalStack.DEMO_TOKEN;
        JsonNode found =
                skill.send(AlexaRequests.getPlayableContent(token, "ALBUM", "In Rainbows", "ARTIST", "Radiohead"));
        String contentId = found.path("payload").path("content").path("id").asText();
        JsonNode method = skill.send(AlexaRequests.initiate(token, contentId, false))
                .path("payload")
                .path("playbackMethod");
        JsonNode item = method.path("firstItem");
        Acquisition.Stats before = audio.acquisition().stats();
        List<Long> queueFirstBytes = new ArrayList<>();
        int played = 0;
        while (!item.isMissingNode() && played < 40) {
            EchoDevice.Fetched f = echo.fetch(item.path("stream").path("uri").asText(), null);
            if (f.status() != 200 || !f.correct()) {
                throw new IllegalStateException("bad audio in the queue: " + f);
            }
            queueFirstBytes.add(f.firstByteNanos());
            played++;
            AlexaRequests.Position at = new AlexaRequests.Position(
                    item.path("id").asText(), method.path("id").asText(), contentId);
            item = skill.send(AlexaRequests.getNextItem(token, at, false))
                    .path("payload")
                    .path("item");
        }
        Acquisition.Stats after = audio.acquisition().stats();
        Benchmark.line(
                out,
                "first byte, queue with prefetch hints",
                queueFirstBytes.stream().mapToLong(Long::longValue).toArray());
        long hits = after.hits() - before.hits();
        long joined = after.joined() - before.joined();
        long misses = after.misses() - before.misses();
        out.printf(
                "  queue of %d tracks: %d complete on disk, %d still arriving, %d not started → hit rate %.0f %%%n",
                played, hits, joined, misses, 100.0 * (hits + joined) / Math.max(1, hits + joined + misses));
    }
}
