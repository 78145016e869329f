package io.musicassistant.alexa.masim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.musicassistant.alexa.masim.library.Library;
import io.musicassistant.alexa.masim.library.LibraryEditor;
import io.musicassistant.alexa.masim.models.ModelJson;
import io.musicassistant.alexa.masim.player.PlayerHub;
import io.musicassistant.alexa.masim.player.Playlog;
import io.musicassistant.alexa.masim.profile.Profile;
import java.util.function.Supplier;

/**
 * What the command handlers work on. {@code serverInfo} builds the live server-info object;
 * {@code editor} makes every library change (and its events).
 */
public record Services(
        Profile profile,
        Library library,
        LibraryEditor editor,
        PlayerHub players,
        Playlog playlog,
        ModelJson json,
        Supplier<ObjectNode> serverInfo) {}
