package io.musicassistant.alexa.control.voice;

/**
 * One spoken answer: what Alexa says, whether the session stays open for a reply (then with a
 * reprompt), whether the Alexa app shows the account-linking card, and the question the user's
 * next answer completes (see {@link Pending}).
 *
 * @param text what to say, plain text (escaped for SSML when the response is built)
 * @param reprompt what to say if the user stays silent; non-null exactly when the session stays open
 * @param linkAccount whether to add a LinkAccount card
 * @param pending the intent a room named in the next turn completes, or null
 */
public record Speech(String text, String reprompt, boolean linkAccount, Pending pending) {

    /** Says {@code text} and ends the session. */
    public static Speech tell(String text) {
        return new Speech(text, null, false, null);
    }

    /** Says {@code text} and waits for an answer. */
    public static Speech ask(String text, String reprompt) {
        return new Speech(text, reprompt, false, null);
    }

    /** Asks a question whose answer (a room) completes {@code pending}. */
    public static Speech question(String text, String reprompt, Pending pending) {
        return new Speech(text, reprompt, false, pending);
    }

    /** Asks the user to link their account in the Alexa app, with the card that does it. */
    public static Speech linkAccount(String text) {
        return new Speech(text, null, true, null);
    }

    public boolean endsSession() {
        return reprompt == null;
    }
}
