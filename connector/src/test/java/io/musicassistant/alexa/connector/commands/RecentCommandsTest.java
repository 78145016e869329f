package io.musicassistant.alexa.connector.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayJson;
import io.musicassistant.alexa.relay.protocol.RelayReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The executor's memory of its last commands: bounded, newest first, names and codes only. */
class RecentCommandsTest {

    @Test
    void keepsTheLastTwentyNewestFirstWithoutTheCloudsWords() {
        RecentCommands recent = new RecentCommands();
        for (int i = 0; i < 25; i++) {
            recent.add("ping", RelayReply.ok("r" + i, RelayJson.tree(Map.of()), i), i, 1000 + i);
        }
        recent.add(
                "player.control",
                RelayReply.error("x", new RelayError(RelayError.MA_UNAVAILABLE, "MA at 192.168.1.10 is down"), 1),
                7,
                2000);
        recent.add("play radiohead please", RelayReply.error("y", new RelayError("unknown_command", "?"), 1), 1, 3000);
        List<RecentCommands.Entry> list = recent.list();
        assertEquals(RecentCommands.SIZE, list.size());
        assertEquals(new RecentCommands.Entry("unknown", "unknown_command", 1, 3000), list.get(0));
        assertEquals(new RecentCommands.Entry("player.control", RelayError.MA_UNAVAILABLE, 7, 2000), list.get(1));
        assertEquals(new RecentCommands.Entry("ping", "ok", 24, 1024), list.get(2));
        assertEquals(1007, list.get(RecentCommands.SIZE - 1).atMs(), "the oldest ones left");
    }
}
