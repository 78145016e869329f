package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.music.model.Content;
import io.musicassistant.alexa.music.model.Control;
import io.musicassistant.alexa.music.model.Item;
import io.musicassistant.alexa.music.model.PlaybackMethod;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.RelayClient;
import io.musicassistant.alexa.relay.RelayException;
import io.musicassistant.alexa.relay.protocol.ContentId;
import io.musicassistant.alexa.relay.protocol.ContentKind;
import io.musicassistant.alexa.relay.protocol.EchoQueueReply;
import io.musicassistant.alexa.relay.protocol.EchoQueueRequest;
import io.musicassistant.alexa.relay.protocol.PlayerAction;
import io.musicassistant.alexa.relay.protocol.RelayError;
import io.musicassistant.alexa.relay.protocol.RelayProtocol.Command;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import java.util.List;
import java.util.Optional;

/**
 * The queue of an Echo player (issue 16): Music Assistant's own queue of the player the connector
 * registered for an Echo, played one item at a time through {@code echo.queue}. Unlike
 * {@link PlayQueues}, nothing is derived here: every step asks the home, so that what the user
 * changed in MA's UI (next, jump, reorder, add) is what the Echo plays at the next track. The
 * content id is {@code ma1:echo:<name key>} (the catalog entity of that Echo), the item id
 * {@link EchoItemId} carries MA's queue item id, and the queue id is an ordinary {@link QueueId}
 * (Alexa needs one; its flags are unused, MA's modes rule).
 */
public final class EchoQueues {

    private final HomeLocator homes;
    private final RelayClient relay;
    private final MusicContent music;
    private final AlexaItems items;

    public EchoQueues(HomeLocator homes, RelayClient relay, MusicContent music, AlexaItems items) {
        this.homes = homes;
        this.relay = relay;
        this.music = music;
        this.items = items;
    }

    /** The Echo a content id names, when it is an Echo's. */
    public static Optional<String> echoKey(String contentId) {
        return ContentId.parse(contentId)
                .filter(id -> id.kind() == ContentKind.ECHO)
                .map(ContentId::name);
    }

    /** One step's answer, as the handlers render it. */
    public record Step(Home home, EchoQueueReply reply, ResolvedContent content, int serial) {

        /** The Alexa item for the reply's item; only when it has one. */
        Item render(AlexaItems items) {
            EchoQueueReply.EchoItem item = reply.item();
            ResolvedTrack track = content.tracks().getFirst();
            return items.item(
                    new EchoItemId(serial, item.queueItemId()).encode(),
                    "e-" + Hashes.sha256Hex(item.queueItemId()).substring(0, 12),
                    track,
                    content,
                    true,
                    item.offsetMs());
        }
    }

    /**
     * GetPlayableContent for an Echo: asks the home for the queue's current item ({@code current}
     * moves nothing in MA), so that an unknown Echo or an empty queue is CONTENT_NOT_FOUND here,
     * where Alexa expects it, and the content is named after the Echo as its owner named it.
     */
    public Content content(MusicRequest request, Home home, String key) {
        Step step = step(request, home, new EchoQueueRequest(key, EchoQueueRequest.CURRENT, null, false), 0, true);
        String contentId = new ContentId(ContentKind.ECHO, key, "").encode(); // the key as it came, cut or not
        return items.content(contentId, step.content());
    }

    /** Initiate: MA's queue from its current item, at MA's position in it. */
    public PlaybackMethod initiate(MusicRequest request, String key) {
        Step step =
                step(request, home(request), new EchoQueueRequest(key, EchoQueueRequest.CURRENT, null, false), 0, true);
        QueueId queue = QueueId.create(false, false, false, request.explicitAllowed());
        return new PlaybackMethod(
                PlaybackMethod.ALEXA_AUDIO_PLAYER_QUEUE,
                queue.value(),
                controls(step.reply()),
                new PlaybackMethod.Rules(new PlaybackMethod.Feedback("PREFERENCE", false)),
                prefetched(request, step));
    }

    /** GetNextItem: the item after the Echo's in MA's queue as it is now; empty at the end. */
    public Optional<Item> next(MusicRequest request, ItemReference ref, boolean userInitiated) {
        EchoItemId at = itemId(ref);
        Step step = step(
                request,
                home(request),
                new EchoQueueRequest(key(ref), EchoQueueRequest.NEXT, at.queueItemId(), userInitiated),
                at.serial() + 1,
                false);
        return step.reply().item() == null ? Optional.empty() : Optional.of(prefetched(request, step));
    }

    /** GetPreviousItem: the item before the Echo's; Alexa.Audio ITEM_NOT_FOUND at the start. */
    public Item previous(MusicRequest request, ItemReference ref) {
        EchoItemId at = itemId(ref);
        Step step = step(
                request,
                home(request),
                new EchoQueueRequest(key(ref), EchoQueueRequest.PREVIOUS, at.queueItemId(), true),
                at.serial() - 1,
                false);
        if (step.reply().item() == null) {
            throw new AlexaException(
                    new AlexaError.Audio(AlexaError.Audio.ITEM_NOT_FOUND, "There is no previous item.", null));
        }
        return prefetched(request, step);
    }

    /**
     * GetItem, GetView and JumpToItem: MA's current item, which must be the one Alexa names
     * (only it is known here; the view holds it alone). Anything else is ITEM_NOT_FOUND.
     */
    public Step current(MusicRequest request, ItemReference ref, String itemId) {
        EchoItemId wanted = EchoItemId.parse(itemId).orElseThrow(() -> PlayQueues.itemNotFound("unknown item id"));
        Step step = step(
                request,
                home(request),
                new EchoQueueRequest(key(ref), EchoQueueRequest.CURRENT, null, false),
                wanted.serial(),
                false);
        if (step.reply().item() == null || !step.reply().item().queueItemId().equals(wanted.queueItemId())) {
            throw PlayQueues.itemNotFound("Music Assistant's queue has moved on");
        }
        return step;
    }

    public Item render(Step step) {
        return step.render(items);
    }

    /** The queue's controls, with MA's shuffle and repeat: LOOP is MA's repeat all, REPEAT its repeat one. */
    public static List<Control> controls(EchoQueueReply reply) {
        return List.of(
                Control.command("NEXT", true),
                Control.command("PREVIOUS", true),
                Control.adjust("SEEK_POSITION", true),
                Control.toggle("SHUFFLE", true, reply.shuffle()),
                Control.toggle("LOOP", true, "all".equals(reply.repeat())),
                Control.cycle("REPEAT", true, "one".equals(reply.repeat()) ? "ON" : "OFF"));
    }

    /** What SetShuffle, SetLoop and SetRepeat change in MA's queue of the Echo player. */
    public enum Mode {
        SHUFFLE,
        LOOP,
        REPEAT
    }

    /**
     * SetShuffle, SetLoop, SetRepeat: forwarded to MA's queue of the Echo player
     * ({@code player.control} shuffle or repeat), whose modes the next steps follow. Switching loop
     * or repeat off leaves the other repeat mode alone.
     */
    public void setMode(MusicRequest request, ItemReference ref, Mode mode, boolean on) {
        Home home = home(request);
        EchoQueueReply now = step(
                        request, home, new EchoQueueRequest(key(ref), EchoQueueRequest.CURRENT, null, false), 0, false)
                .reply();
        String target = mode == Mode.LOOP ? "all" : "one";
        PlayerAction action;
        if (mode == Mode.SHUFFLE) {
            if (now.shuffle() == on) {
                return;
            }
            action = new PlayerAction(now.playerId(), PlayerAction.Action.SHUFFLE, null, on, null);
        } else if (on) {
            if (target.equals(now.repeat())) {
                return;
            }
            action = new PlayerAction(now.playerId(), PlayerAction.Action.REPEAT, null, null, target);
        } else {
            if (!target.equals(now.repeat())) {
                return;
            }
            action = new PlayerAction(now.playerId(), PlayerAction.Action.REPEAT, null, null, "off");
        }
        relay.call(home, Command.PLAYER_CONTROL, action, request.deadline());
    }

    private Home home(MusicRequest request) {
        Home home = homes.onlineHomeOf(request.userId());
        StreamBase.requireWorking(home);
        return home;
    }

    private static String key(ItemReference ref) {
        return echoKey(ref.contentId()).orElseThrow(() -> PlayQueues.itemNotFound("not an Echo queue"));
    }

    private static EchoItemId itemId(ItemReference ref) {
        return EchoItemId.parse(ref.id()).orElseThrow(() -> PlayQueues.itemNotFound("unknown item id"));
    }

    /** The item, after telling the home to have its audio ready (a hint, as for every other queue). */
    private Item prefetched(MusicRequest request, Step step) {
        music.prefetch(
                request, step.home(), List.of(step.content().tracks().getFirst().uri()));
        return step.render(items);
    }

    /**
     * One {@code echo.queue} step. An Echo the home does not know is CONTENT_NOT_FOUND when the
     * user is starting it ({@code starting}: GetPlayableContent, Initiate) and ITEM_NOT_FOUND for
     * a queue already playing (the Echo player was removed since); an empty queue when starting is
     * CONTENT_NOT_FOUND too.
     */
    private Step step(MusicRequest request, Home home, EchoQueueRequest args, int serial, boolean starting) {
        EchoQueueReply reply;
        try {
            reply = RelayClient.as(
                    relay.call(home, Command.ECHO_QUEUE, args, request.deadline()), EchoQueueReply.class);
        } catch (RelayException e) {
            if (e.failure() == RelayException.Failure.REMOTE_ERROR
                    && (RelayError.NOT_FOUND.equals(e.remoteCode())
                            || RelayError.NO_SUCH_PLAYER.equals(e.remoteCode()))) {
                throw starting
                        ? notFound("no Echo player of that name in the user's Music Assistant")
                        : PlayQueues.itemNotFound("the Echo player is gone");
            }
            throw e;
        }
        if (reply.item() == null) {
            if (starting) {
                throw notFound("the Echo player's queue in Music Assistant is empty");
            }
            return new Step(home, reply, null, serial);
        }
        ResolvedTrack track = HomeContent.track(reply.item().track());
        String name = HomeContent.text(reply.name());
        ResolvedContent content = new ResolvedContent(
                ContentKind.ECHO,
                name == null || name.isBlank() ? args.echo() : name,
                null,
                track.artUrl(),
                null,
                false,
                List.of(track));
        return new Step(home, reply, content, serial);
    }

    private static AlexaException notFound(String why) {
        return new AlexaException(new AlexaError.Media(AlexaError.Media.CONTENT_NOT_FOUND, why));
    }
}
