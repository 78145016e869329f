package io.musicassistant.alexa.music.model;

import java.util.List;

/** Cover art: one or more HTTPS sources. Alexa requires art on every item (observed). */
public record Art(String contentDescription, List<Source> sources) {

    /**
     * One image. Size and pixels are stated only when known; Amazon asks to omit them otherwise.
     */
    public record Source(String url, String size, Integer widthPixels, Integer heightPixels) {}
}
