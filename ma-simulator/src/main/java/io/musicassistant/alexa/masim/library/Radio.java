package io.musicassistant.alexa.masim.library;

/** A library radio station. */
public record Radio(ItemInfo info) implements MediaItem {

    @Override
    public MediaType mediaType() {
        return MediaType.RADIO;
    }

    @Override
    public Radio withInfo(ItemInfo newInfo) {
        return new Radio(newInfo);
    }
}
