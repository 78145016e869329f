package io.musicassistant.alexa.dev;

/** The answer of one authorised SMAPI call: a status and a JSON body ("" for none). */
record SmapiAnswer(int status, Object body) {}
