package io.musicassistant.alexa.dev;

/** A refused request to the SMAPI stand-in: the status and SMAPI's (or S3's) error body (an XML string for S3). */
final class SmapiRefusal extends Exception {
    final int status;
    final transient Object body;

    SmapiRefusal(int status, Object body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }
}
