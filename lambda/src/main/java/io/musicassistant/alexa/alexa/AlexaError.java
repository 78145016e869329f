package io.musicassistant.alexa.alexa;

import java.util.Objects;

/**
 * The three error families of the Music Skill API, as data: the music skill wraps each in its envelope
 * ({@code music.model.AlexaMessage.error}), the control skill reads a malformed directive's message.
 * Alexa speaks a fixed sentence per type, so {@code message} is for logs and Amazon's dashboards, not
 * for the user.
 */
public sealed interface AlexaError {

    String type();

    String message();

    /** {@code Alexa.ErrorResponse}, payload version 3.0: authorization, account, rate limit, internal. */
    record General(String type, String message) implements AlexaError {
        public static final String INVALID_DIRECTIVE = "INVALID_DIRECTIVE";
        public static final String INVALID_AUTHORIZATION_CREDENTIAL = "INVALID_AUTHORIZATION_CREDENTIAL";
        public static final String EXPIRED_AUTHORIZATION_CREDENTIAL = "EXPIRED_AUTHORIZATION_CREDENTIAL";
        public static final String ACCOUNT_PROBLEM = "ACCOUNT_PROBLEM";
        public static final String RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED";
        public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

        public General {
            Objects.requireNonNull(type);
        }
    }

    /** {@code Alexa.Media.ErrorResponse}, 1.0: content and item problems. */
    record Media(String type, String message) implements AlexaError {
        public static final String CONTENT_NOT_FOUND = "CONTENT_NOT_FOUND";
        public static final String CRITERIA_NOT_FOUND = "CRITERIA_NOT_FOUND";
        public static final String ITEM_NOT_FOUND = "ITEM_NOT_FOUND";
        public static final String INVALID_ITEM = "INVALID_ITEM";
        public static final String CONTENT_FILTERED = "CONTENT_FILTERED";

        public Media {
            Objects.requireNonNull(type);
        }
    }

    /** {@code Alexa.Audio.ErrorResponse}, 1.0: queue navigation problems. */
    record Audio(String type, String message, String retryPeriod) implements AlexaError {
        public static final String ITEM_NOT_FOUND = "ITEM_NOT_FOUND";
        public static final String SKIP_LIMIT_REACHED = "SKIP_LIMIT_REACHED";

        public Audio {
            Objects.requireNonNull(type);
        }
    }
}
