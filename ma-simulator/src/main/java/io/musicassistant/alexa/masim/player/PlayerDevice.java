package io.musicassistant.alexa.masim.player;

import java.util.List;
import java.util.Map;

/**
 * The fixed part of a player: identity, hardware and capabilities. What changes at run time lives
 * in {@link PlayerState}.
 */
public record PlayerDevice(
        String playerId,
        String provider,
        PlayerType type,
        DeviceInfo deviceInfo,
        List<PlayerFeature> supportedFeatures,
        List<String> staticGroupMembers,
        List<String> canGroupWith,
        List<Source> sourceList,
        String powerControl,
        String volumeControl,
        String muteControl,
        List<OutputProtocol> outputProtocols) {

    public PlayerDevice {
        supportedFeatures = List.copyOf(supportedFeatures);
        staticGroupMembers = List.copyOf(staticGroupMembers);
        canGroupWith = List.copyOf(canGroupWith);
        sourceList = List.copyOf(sourceList);
        outputProtocols = List.copyOf(outputProtocols);
    }

    /** The same device with other power, volume and mute controls (a player config chose them). */
    public PlayerDevice withControls(String power, String volume, String mute) {
        return new PlayerDevice(
                playerId,
                provider,
                type,
                deviceInfo,
                supportedFeatures,
                staticGroupMembers,
                canGroupWith,
                sourceList,
                power,
                volume,
                mute,
                outputProtocols);
    }

    public boolean supports(PlayerFeature feature) {
        return supportedFeatures.contains(feature);
    }

    /** {@code DeviceInfo}; {@code identifiers} keys are MA IdentifierType values. */
    public record DeviceInfo(
            String model,
            String manufacturer,
            String softwareVersion,
            String modelId,
            String manufacturerId,
            Map<String, String> identifiers) {

        public DeviceInfo {
            identifiers = Map.copyOf(identifiers);
        }
    }

    /** {@code PlayerSource}: an input the player can switch to. */
    public record Source(
            String id, String name, boolean passive, boolean canPlayPause, boolean canSeek, boolean canNextPrevious) {}

    /** {@code OutputProtocol} of newer models. */
    public record OutputProtocol(
            String outputProtocolId,
            String name,
            String protocolDomain,
            boolean isNative,
            int priority,
            boolean available) {}
}
