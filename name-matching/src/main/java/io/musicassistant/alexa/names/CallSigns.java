package io.musicassistant.alexa.names;

import java.util.List;

/**
 * Stations are called by their call sign alone: "ffh" for "Hit Radio FFH", "swr eins" for "SWR1
 * Baden-Württemberg", "ö drei" for "Hitradio Ö3". A spoken name that is or holds a call sign (letters
 * with a digit, or letters without a vowel) and appears whole, at word boundaries, in a name is that
 * name. Ordinary words never count as call signs, so "paranoid" does not find "Paranoid Android".
 */
final class CallSigns {

    /** Above the threshold, below any name matched word for word. */
    static final double CONFIDENCE = 0.92;

    private CallSigns() {}

    static boolean contained(List<String> spoken, List<String> named) {
        if (!isCallSign(spoken)) {
            return false;
        }
        String wanted = String.join("", spoken);
        for (int i = 0; i < named.size(); i++) {
            StringBuilder run = new StringBuilder();
            for (int j = i; j < named.size() && run.length() < wanted.length(); j++) {
                run.append(named.get(j));
            }
            if (run.toString().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCallSign(List<String> spoken) {
        String joined = String.join("", spoken);
        boolean digit = joined.chars().anyMatch(Character::isDigit);
        boolean letter = joined.chars().anyMatch(Character::isLetter);
        if (digit && letter && joined.length() <= 6) {
            return true;
        }
        for (String w : spoken) {
            if (w.length() >= 2 && w.chars().allMatch(c -> Character.isLetter(c) && "aeiou".indexOf(c) < 0)) {
                return true;
            }
        }
        return false;
    }
}
