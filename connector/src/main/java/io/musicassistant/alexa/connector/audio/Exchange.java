package io.musicassistant.alexa.connector.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** A request of the stream server and its answer, written blocking. */
record Exchange(Request request, Response response, boolean head) {
    HttpFields.Mutable headers() {
        return response.getHeaders();
    }

    /** Sets the status and, when known, the length; the body follows through {@link #body()}. */
    void status(int status, long length) {
        response.setStatus(status);
        if (length >= 0) {
            headers().put(HttpHeader.CONTENT_LENGTH, length);
        }
    }

    /** The body; closing it ends the answer normally, so a failed one is never closed. */
    OutputStream body() {
        return Content.Sink.asOutputStream(response);
    }

    void text(int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        headers().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (head) {
            status(status, -1);
            return;
        }
        status(status, bytes.length);
        try (OutputStream out = body()) {
            out.write(bytes);
        }
    }
}
