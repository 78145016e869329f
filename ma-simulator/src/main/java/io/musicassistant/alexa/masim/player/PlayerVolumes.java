package io.musicassistant.alexa.masim.player;

import io.musicassistant.alexa.masim.error.ErrorCode;
import io.musicassistant.alexa.masim.error.MaError;
import java.util.ArrayList;
import java.util.List;

/**
 * The volume commands of MA's players controller ({@code cmd_volume_set}, {@code cmd_volume_up/down},
 * {@code cmd_volume_mute} and their {@code cmd_group_volume*} twins; spec §3.5): MA's 1/2/5 steps,
 * a group's volume as the average of its powered members, changed by the difference. Every public
 * method holds the hub's monitor.
 */
public final class PlayerVolumes {

    private final PlayerHub hub;
    private final Players players;

    PlayerVolumes(PlayerHub hub, Players players) {
        this.hub = hub;
        this.players = players;
    }

    public void cmdVolumeSet(String playerId, int volume) {
        synchronized (hub) {
            PlayerState player = players.requirePlayer(playerId);
            if (player.type() == PlayerType.GROUP) {
                cmdGroupVolume(playerId, volume);
                return;
            }
            if (Boolean.TRUE.equals(player.volumeMuted())
                    && "native".equals(player.device().muteControl())) {
                player = player.withVolumeMuted(false);
            }
            if ("none".equals(player.device().volumeControl())) {
                throw MaError.of(
                        ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support volume control");
            }
            // The provider clamps; newest MA also clamps before forwarding.
            int level = Math.max(0, Math.min(100, volume));
            players.put(player.withVolumeLevel(level));
            hub.publish(playerId);
            players.tell(playerId, o -> o.volumeSet(level));
        }
    }

    /** players/cmd/volume_up and volume_down: MA's step of 1, 2 or 5 depending on the level. */
    public void cmdVolumeStep(String playerId, boolean up) {
        synchronized (hub) {
            PlayerState player = players.requirePlayer(playerId);
            int current = player.volumeLevel() == null ? 0 : player.volumeLevel();
            int step = volumeStep(current);
            cmdVolumeSet(playerId, up ? Math.min(100, current + step) : Math.max(0, current - step));
        }
    }

    public void cmdVolumeMute(String playerId, boolean muted) {
        synchronized (hub) {
            PlayerState player = players.requirePlayer(playerId);
            if ("none".equals(player.device().volumeControl())) {
                throw MaError.of(ErrorCode.UNSUPPORTED_FEATURE, "Player " + player.name() + " does not support muting");
            }
            if ("native".equals(player.device().muteControl())) {
                players.put(player.withVolumeMuted(muted));
                hub.publish(playerId);
            }
            // mute_control "none": MA finds no control to forward to and silently does nothing.
        }
    }

    public void cmdGroupVolume(String playerId, int volume) {
        synchronized (hub) {
            PlayerState player = players.requireAvailable(playerId);
            if (player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty()) {
                setGroupVolume(player, volume);
                return;
            }
            if (player.syncedTo() != null && players.has(player.syncedTo())) {
                setGroupVolume(players.find(player.syncedTo()), volume);
                return;
            }
            cmdVolumeSet(playerId, volume);
        }
    }

    public void cmdGroupVolumeStep(String playerId, boolean up) {
        synchronized (hub) {
            PlayerState player = players.requireAvailable(playerId);
            int current = groupVolume(player);
            int step = volumeStep(current);
            cmdGroupVolume(playerId, up ? Math.min(100, current + step) : Math.max(0, current - step));
        }
    }

    public void cmdGroupVolumeMute(String playerId, boolean muted) {
        synchronized (hub) {
            PlayerState player = players.requireAvailable(playerId);
            if (player.type() == PlayerType.GROUP || !player.groupMembers().isEmpty()) {
                for (PlayerState member : poweredMembers(player)) {
                    cmdVolumeMute(member.playerId(), muted);
                }
            }
        }
    }

    private void setGroupVolume(PlayerState group, int volume) {
        int difference = volume - groupVolume(group);
        for (PlayerState member : poweredMembers(group)) {
            if ("none".equals(member.device().volumeControl())) {
                continue;
            }
            int current = member.volumeLevel() == null ? 0 : member.volumeLevel();
            cmdVolumeSet(member.playerId(), Math.max(0, Math.min(100, current + difference)));
        }
        hub.publish(group.playerId());
    }

    private static int volumeStep(int current) {
        if (current < 5 || current > 95) {
            return 1;
        }
        if (current < 20 || current > 80) {
            return 2;
        }
        return 5;
    }

    /** A group's volume: the average of its powered members' (MA's group_volume). */
    int groupVolume(PlayerState group) {
        List<PlayerState> members = poweredMembers(group);
        if (group.type() != PlayerType.GROUP && group.groupMembers().isEmpty()) {
            return group.volumeLevel() == null ? 0 : group.volumeLevel();
        }
        int total = 0;
        int counted = 0;
        for (PlayerState member : members) {
            if (member.volumeLevel() != null) {
                total += member.volumeLevel();
                counted++;
            }
        }
        return counted == 0 ? 0 : Math.round((float) total / counted);
    }

    List<PlayerState> poweredMembers(PlayerState group) {
        List<PlayerState> members = new ArrayList<>();
        for (String memberId : group.groupMembers()) {
            PlayerState member = players.find(memberId);
            if (member != null && member.available() && !Boolean.FALSE.equals(member.powered())) {
                members.add(member);
            }
        }
        return members;
    }
}
