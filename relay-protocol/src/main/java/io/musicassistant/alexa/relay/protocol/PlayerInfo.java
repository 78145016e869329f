package io.musicassistant.alexa.relay.protocol;

import java.util.List;

/**
 * One Music Assistant player (or group) as the control skills see it: what Alexa can discover,
 * control and report. Read from MA's Player model (music_assistant_models/player.py).
 *
 * @param playerId MA's player id; also the id of its queue
 * @param name the name shown in MA, which is what people call the room
 * @param type {@code player}, {@code group}, {@code stereo_pair}, …
 * @param available whether MA can reach the player now
 * @param powered power state (MA reports true for players without power control)
 * @param volumeLevel 0–100, or null when unknown
 * @param muted whether muted, or null when unknown
 * @param playbackState {@code playing}, {@code paused} or {@code idle}
 * @param features MA's supported_features (power, volume_set, volume_mute, pause, next_previous, …)
 * @param groupMembers player ids of a group's members
 * @param nowPlaying what it plays, or null
 */
public record PlayerInfo(
        String playerId,
        String name,
        String type,
        boolean available,
        boolean powered,
        Integer volumeLevel,
        Boolean muted,
        String playbackState,
        List<String> features,
        List<String> groupMembers,
        NowPlaying nowPlaying) {

    public static final String PLAYING = "playing";
    public static final String PAUSED = "paused";
    public static final String IDLE = "idle";
    /**
     * {@link #type()} of a player the connector registered in MA for an Echo device (issue 16):
     * never a speaker endpoint for Alexa, only the trigger of its routine.
     */
    public static final String TYPE_ECHO = "echo";

    public PlayerInfo {
        features = features == null ? List.of() : List.copyOf(features);
        groupMembers = groupMembers == null ? List.of() : List.copyOf(groupMembers);
    }

    public boolean supports(String feature) {
        return features.contains(feature);
    }

    public boolean isGroup() {
        return "group".equals(type);
    }

    /** What a player plays: enough to say it and to show it. */
    public record NowPlaying(String title, String artist, String album, String uri, String imageUrl) {}
}
