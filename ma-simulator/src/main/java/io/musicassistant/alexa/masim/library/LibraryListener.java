package io.musicassistant.alexa.masim.library;

/**
 * Where {@link LibraryEditor} announces changes: MA's {@code signal_event} for
 * {@code EventType.MEDIA_ITEM_ADDED / MEDIA_ITEM_UPDATED / MEDIA_ITEM_DELETED}, which every
 * authenticated WebSocket client receives as {@code {"event", "object_id", "data"}}.
 *
 * <p>Rendering and sending are separate because MA serialises a deleted album as it read it
 * before the deletion: the editor renders it while its tracks still exist, and sends it after them.
 */
public interface LibraryListener {

    /** Drops everything: a library nobody listens to. */
    LibraryListener NONE = new LibraryListener() {
        @Override
        public Object render(MediaItem item) {
            return null;
        }

        @Override
        public void emit(String event, String objectId, Object data) {}
    };

    /** The item as the event's {@code data} carries it, rendered now. */
    Object render(MediaItem item);

    /** Sends {@code {"event": event, "object_id": objectId, "data": data}}. */
    void emit(String event, String objectId, Object data);
}
