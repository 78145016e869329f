package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One run of a routine: what Alexa recognised, what the music skill answered to GetPlayableContent
 * and Initiate, and the Echo's fetch of the first track. Times are {@link System#nanoTime()}.
 *
 * @param entity null when no catalog holds the name (then nothing was sent)
 * @param found GetPlayableContent's answer, or null
 * @param started Initiate's answer, or null when GetPlayableContent found nothing
 * @param fetched the Echo's fetch of the first track, or null
 * @param fetchRequestedAt when the Echo sent that request
 */
record RoutineRun(
        RoutineSimulator.Routine routine,
        long reportedAt,
        CatalogNames.Entity entity,
        JsonNode found,
        JsonNode started,
        EchoDevice.Fetched fetched,
        long fetchRequestedAt) {

    static RoutineRun unresolved(RoutineSimulator.Routine routine, long reportedAt) {
        return new RoutineRun(routine, reportedAt, null, null, null, null, 0);
    }

    static RoutineRun answered(
            RoutineSimulator.Routine routine,
            long reportedAt,
            CatalogNames.Entity entity,
            JsonNode found,
            JsonNode started) {
        return new RoutineRun(routine, reportedAt, entity, found, started, null, 0);
    }

    RoutineRun fetched(EchoDevice.Fetched fetch, long requestedAt) {
        return new RoutineRun(routine, reportedAt, entity, found, started, fetch, requestedAt);
    }

    /**
     * How it ended, in Alexa's words: "not recognised" when no catalog holds the name, else the name
     * of the last answer (an error's type for errors), "played" once the Echo has the audio.
     */
    String outcome() {
        if (entity == null) {
            return "not recognised";
        }
        if (started == null) {
            return Conversation.outcome(found);
        }
        if (fetched == null) {
            return Conversation.outcome(started);
        }
        return fetched.status() == 200 && fetched.correct() ? "played" : "fetch failed: " + fetched.status();
    }

    boolean played() {
        return "played".equals(outcome());
    }

    /** The stream URL of the first item Initiate handed out, or null. */
    String firstStreamUrl() {
        return started == null
                ? null
                : started.path("payload")
                        .path("playbackMethod")
                        .path("firstItem")
                        .path("stream")
                        .path("uri")
                        .asText(null);
    }

    /** When the first audio byte reached the Echo (nanoTime), or 0 without audio. */
    long firstByteAt() {
        return fetched == null || fetched.firstByteNanos() == 0 ? 0 : fetchRequestedAt + fetched.firstByteNanos();
    }
}
