package io.musicassistant.alexa.masim.player;

import java.util.List;

/**
 * The changeable state of a player, as an immutable value: tests change a player with
 * {@code simulator.updatePlayer(id, p -> p.withVolumeLevel(10))} and the simulator emits
 * {@code player_updated}. Nullable fields mirror MA's optional ones.
 */
public record PlayerState(
        PlayerDevice device,
        String name,
        boolean available,
        PlaybackState playbackState,
        Double elapsedTime,
        Double elapsedTimeLastUpdated,
        Boolean powered,
        Integer volumeLevel,
        Boolean volumeMuted,
        List<String> groupMembers,
        String syncedTo,
        String activeSource,
        String activeGroup,
        boolean enabled,
        boolean hideInUi) {

    public PlayerState {
        groupMembers = List.copyOf(groupMembers);
    }

    public String playerId() {
        return device.playerId();
    }

    public PlayerType type() {
        return device.type();
    }

    public PlayerState withName(String value) {
        return new PlayerState(
                device,
                value,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withAvailable(boolean value) {
        return new PlayerState(
                device,
                name,
                value,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withPlaybackState(PlaybackState value) {
        return new PlayerState(
                device,
                name,
                available,
                value,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    /** Sets the position and the moment it was measured (epoch seconds). */
    public PlayerState withElapsed(Double seconds, Double measuredAt) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                seconds,
                measuredAt,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withPowered(Boolean value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                value,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withVolumeLevel(Integer value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                value,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withVolumeMuted(Boolean value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                value,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withActiveSource(String value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                value,
                activeGroup,
                enabled,
                hideInUi);
    }

    public PlayerState withActiveGroup(String value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                value,
                enabled,
                hideInUi);
    }

    public PlayerState withEnabled(boolean value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                value,
                hideInUi);
    }

    public PlayerState withHideInUi(boolean value) {
        return new PlayerState(
                device,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                value);
    }

    public PlayerState withDevice(PlayerDevice value) {
        return new PlayerState(
                value,
                name,
                available,
                playbackState,
                elapsedTime,
                elapsedTimeLastUpdated,
                powered,
                volumeLevel,
                volumeMuted,
                groupMembers,
                syncedTo,
                activeSource,
                activeGroup,
                enabled,
                hideInUi);
    }

    /** Real-time position: MA's {@code corrected_elapsed_time}. */
    public Double correctedElapsed(double now) {
        if (elapsedTime == null || elapsedTimeLastUpdated == null) {
            return elapsedTime;
        }
        return playbackState == PlaybackState.PLAYING ? elapsedTime + (now - elapsedTimeLastUpdated) : elapsedTime;
    }
}
