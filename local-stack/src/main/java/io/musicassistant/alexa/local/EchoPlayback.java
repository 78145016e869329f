package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What one Echo stand-in plays after its routine: the queue position Alexa echoes back on every
 * queue directive, and the audio of the current item, fetched as an Echo fetches it.
 */
final class EchoPlayback {

    private final EchoDevice device;
    private AlexaRequests.Position at;
    private JsonNode item;
    private EchoDevice.Fetched fetched;
    private long requestedAt;

    EchoPlayback(EchoDevice device) {
        this.device = device;
    }

    /** Initiate handed out {@code first}: the Echo plays it from the start of its stream. */
    synchronized EchoDevice.Fetched start(AlexaRequests.Position position, JsonNode first) {
        this.at = position;
        this.item = first;
        return fetch();
    }

    /** GetNextItem from where the Echo is; a new item is fetched and becomes current. */
    synchronized JsonNode next(SkillClient skill, String token, boolean userInitiated) {
        JsonNode answer = skill.send(AlexaRequests.getNextItem(token, at, userInitiated));
        JsonNode next = answer.path("payload").path("item");
        if (next.has("id")) {
            at = new AlexaRequests.Position(next.path("id").asText(), at.queueId(), at.contentId());
            item = next;
            fetch();
        }
        return answer;
    }

    private EchoDevice.Fetched fetch() {
        requestedAt = System.nanoTime();
        fetched = device.fetch(streamUrl(), null);
        return fetched;
    }

    synchronized AlexaRequests.Position position() {
        return at;
    }

    /** The current item as the skill handed it out. */
    synchronized JsonNode item() {
        return item;
    }

    synchronized String streamUrl() {
        return item.path("stream").path("uri").asText();
    }

    /** The Music Assistant uri of what the Echo plays ({@code library://track/12}). */
    synchronized String maUri() {
        return EchoDevice.uriOf(streamUrl());
    }

    synchronized EchoDevice.Fetched fetched() {
        return fetched;
    }

    synchronized long requestedAt() {
        return requestedAt;
    }
}
