package io.musicassistant.alexa.music;

import io.musicassistant.alexa.alexa.AlexaError;
import io.musicassistant.alexa.alexa.AlexaException;
import io.musicassistant.alexa.music.model.Item;
import io.musicassistant.alexa.platform.Hashes;
import io.musicassistant.alexa.relay.Home;
import io.musicassistant.alexa.relay.HomeLocator;
import io.musicassistant.alexa.relay.protocol.ResolvedContent;
import io.musicassistant.alexa.relay.protocol.ResolvedTrack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Alexa-managed play queues, derived from (content id, queue id, item id): the track list comes
 * from the content cache, the order from {@link PlayOrder}, the modes from the queue id or the
 * queue's stored state. Nothing per item is stored.
 */
public final class PlayQueues {

    /** Stream URLs closer than this to expiry are renewed before they are handed to Alexa again. */
    static final long RENEW_WITHIN_MS = 30 * 60 * 1000;
    /** When renewing, also renew this many upcoming tracks so the next directives need no relay. */
    static final int RENEW_AHEAD = 20;
    /** Tracks after the one handed to Alexa whose audio the home fetches ahead: one, as a gapless player would. */
    static final int PREFETCH_AHEAD = 1;

    private final HomeLocator homes;
    private final MusicContent music;
    private final PlaybackStore store;
    private final AlexaItems items;
    private final Clock clock;

    public PlayQueues(HomeLocator homes, MusicContent music, PlaybackStore store, AlexaItems items, Clock clock) {
        this.homes = homes;
        this.music = music;
        this.store = store;
        this.items = items;
        this.clock = clock;
    }

    /** A position in the queue: which play of which track. */
    public record Entry(int serial, int track) {}

    /** Everything a queue directive needs, loaded once. */
    public static final class Session {
        final MusicRequest request;
        final Home home;
        final QueueId queueId;
        final String contentId;
        final String cacheKey;
        ResolvedContent content;
        QueueState state;
        PlayOrder order;

        Session(MusicRequest request, Home home, QueueId queueId, MusicContent.Resolved resolved, QueueState state) {
            this.request = request;
            this.home = home;
            this.queueId = queueId;
            this.contentId = resolved.contentId();
            this.cacheKey = resolved.cacheKey();
            this.content = resolved.content();
            this.state = state;
            this.order = new PlayOrder(content.tracks().size(), state, queueId.seed());
        }

        public QueueId queueId() {
            return queueId;
        }

        public QueueState state() {
            return state;
        }

        public ResolvedContent content() {
            return content;
        }

        void changeState(QueueState newState) {
            state = newState;
            order = new PlayOrder(content.tracks().size(), newState, queueId.seed());
        }
    }

    /** Starts a queue for Initiate: modes from the request and the content kind. */
    public Session start(MusicRequest request, Home home, MusicContent.Resolved resolved, QueueId queueId) {
        return new Session(request, home, queueId, resolved, queueId.initialState());
    }

    /** Opens the queue a queue directive refers to. */
    public Session open(MusicRequest request, ItemReference reference) {
        QueueId queueId = QueueId.parse(reference.queueId()).orElseThrow(() -> itemNotFound("unknown queue id"));
        Home home = homes.onlineHomeOf(request.userId());
        StreamBase.requireWorking(home);
        // Queue directives carry no filters: the queue id remembers what its Initiate was allowed.
        String key = MusicContent.cacheKey(home, reference.contentId(), queueId.explicitAllowed());
        PlaybackStore.Loaded loaded = store.load(key, queueId.value(), request.userId());
        MusicContent.Resolved resolved =
                music.byId(request, home, reference.contentId(), queueId.explicitAllowed(), loaded.content());
        return new Session(request, home, queueId, resolved, loaded.state().orElseGet(queueId::initialState));
    }

    public Entry first(Session s) {
        return new Entry(0, s.order.trackAt(0));
    }

    /** The entry an item id names, checked against the content (which may have changed since). */
    public Entry entry(Session s, String itemId) {
        ItemId id = ItemId.parse(itemId).orElseThrow(() -> itemNotFound("unknown item id"));
        List<ResolvedTrack> tracks = s.content.tracks();
        if (id.track() < tracks.size() && tag(tracks.get(id.track())).equals(id.tag())) {
            return new Entry(id.serial(), id.track());
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (tag(tracks.get(i)).equals(id.tag())) {
                return new Entry(id.serial(), i);
            }
        }
        if (id.track() < tracks.size()) {
            return new Entry(id.serial(), id.track()); // the track is gone; carry on from its place
        }
        throw itemNotFound("item no longer in the queue");
    }

    public Optional<Entry> next(Session s, Entry current, boolean userInitiated) {
        if (s.content.live()) {
            return Optional.empty();
        }
        if (s.state.repeat() && !userInitiated) {
            return Optional.of(new Entry(current.serial() + 1, current.track()));
        }
        int position = s.order.positionOf(current.track());
        if (position + 1 < s.order.size()) {
            return Optional.of(new Entry(current.serial() + 1, s.order.trackAt(position + 1)));
        }
        return s.state.loop() ? Optional.of(new Entry(current.serial() + 1, s.order.trackAt(0))) : Optional.empty();
    }

    public Optional<Entry> previous(Session s, Entry current) {
        if (s.content.live()) {
            return Optional.empty();
        }
        int position = s.order.positionOf(current.track());
        if (position > 0) {
            return Optional.of(new Entry(current.serial() - 1, s.order.trackAt(position - 1)));
        }
        return s.state.loop()
                ? Optional.of(new Entry(current.serial() - 1, s.order.trackAt(s.order.size() - 1)))
                : Optional.empty();
    }

    /** The current entry followed by up to {@code count - 1} upcoming ones (for GetView). */
    public List<Entry> view(Session s, Entry current, int count) {
        List<Entry> entries = new ArrayList<>(count);
        entries.add(current);
        Entry at = current;
        while (entries.size() < count) {
            Optional<Entry> next = next(s, at, true);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
            entries.add(at);
        }
        return entries;
    }

    public boolean hasPrevious(Session s, Entry entry) {
        return s.state.loop() || s.order.positionOf(entry.track()) > 0;
    }

    /** Changes the queue's modes and stores them; ITEM_NOT_FOUND when the queue is another user's. */
    public void changeState(Session s, QueueState newState) {
        if (!store.saveState(s.queueId.value(), s.request.userId(), newState)) {
            throw itemNotFound("queue belongs to another user");
        }
        s.changeState(newState);
    }

    /**
     * The item Alexa is about to play; calls the home twice at most: to renew stream URLs close to
     * expiry ({@link #renderRenewingStreams}) and to tell it to fetch the audio of this and the next
     * {@link #PREFETCH_AHEAD} entries (in play order, which only the cloud knows when shuffled).
     */
    public Item renderAndPrefetch(Session s, Entry entry) {
        Item item = renderRenewingStreams(s, List.of(entry)).getFirst();
        if (!s.content.live()) {
            Set<String> uris = new LinkedHashSet<>();
            uris.add(s.content.tracks().get(entry.track()).uri());
            Optional<Entry> at = Optional.of(entry);
            for (int i = 0; i < PREFETCH_AHEAD && at.isPresent(); i++) {
                at = next(s, at.get(), false);
                at.ifPresent(e -> uris.add(s.content.tracks().get(e.track()).uri()));
            }
            music.prefetch(s.request, s.home, List.copyOf(uris));
        }
        return item;
    }

    /** Alexa items for the entries; stream URLs close to expiry are renewed first, by a call to the home. */
    public List<Item> renderRenewingStreams(Session s, List<Entry> entries) {
        long renewBefore = clock.millis() + RENEW_WITHIN_MS;
        boolean stale =
                entries.stream().anyMatch(e -> s.content.tracks().get(e.track()).streamExpiresMs() < renewBefore);
        if (stale && !s.content.live()) {
            Set<Integer> tracks = new LinkedHashSet<>();
            entries.forEach(e -> tracks.add(e.track()));
            Entry last = entries.getLast();
            int position = s.order.positionOf(last.track());
            for (int i = 1; i <= RENEW_AHEAD && position + i < s.order.size(); i++) {
                tracks.add(s.order.trackAt(position + i));
            }
            s.content = music.renewStreams(s.request, s.home, s.cacheKey, s.content, List.copyOf(tracks));
        }
        List<Item> rendered = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            ResolvedTrack track = s.content.tracks().get(e.track());
            rendered.add(
                    items.item(new ItemId(e.serial(), e.track(), tag(track)), track, s.content, hasPrevious(s, e)));
        }
        return rendered;
    }

    static String tag(ResolvedTrack track) {
        return Hashes.sha256Hex(track.uri()).substring(0, 8);
    }

    static AlexaException itemNotFound(String why) {
        return new AlexaException(new AlexaError.Media(AlexaError.Media.ITEM_NOT_FOUND, why));
    }
}
