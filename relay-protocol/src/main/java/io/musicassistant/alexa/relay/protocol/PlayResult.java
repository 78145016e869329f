package io.musicassistant.alexa.relay.protocol;

/** Result of {@code player.play}: what was found and started, and the player afterwards. */
public record PlayResult(ContentKind kind, String name, String artist, PlayerInfo player) {}
