package io.musicassistant.alexa.masim.library;

import java.util.List;

/** A library item. The set is closed: these are the media types the simulator's library holds. */
public sealed interface MediaItem permits Artist, Album, Track, Playlist, Radio, Genre {

    ItemInfo info();

    MediaType mediaType();

    /** The same item with other shared fields (name, favourite…); relations stay as they are. */
    MediaItem withInfo(ItemInfo newInfo);

    default String itemId() {
        return info().itemId();
    }

    default String name() {
        return info().name();
    }

    default String version() {
        return info().version();
    }

    default String sortName() {
        return info().sortName();
    }

    default boolean favorite() {
        return info().favorite();
    }

    default List<ProviderMapping> providerMappings() {
        return info().providerMappings();
    }

    /** {@code library://<type>/<id>}: library items always carry the "library" provider. */
    default String uri() {
        return "library://" + mediaType().value() + "/" + itemId();
    }

    /** Numeric library id; MA's library ids are SQLite row ids. */
    default int id() {
        return Integer.parseInt(itemId());
    }
}
