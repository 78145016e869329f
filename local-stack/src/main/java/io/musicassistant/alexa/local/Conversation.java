package io.musicassistant.alexa.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo's scripted conversation: what a user says, the directive Alexa sends, and what the skill
 * answers, through the real local stack. Returns a list of failures (empty when every step answered
 * as expected) so that the demo exits non-zero when the product misbehaves.
 */
final class Conversation {

    private final SkillClient skill;
    private final PrintStream out;
    private final boolean json;
    private final List<String> failures = new ArrayList<>();
    private int step;

    Conversation(SkillClient skill, PrintStream out, boolean json) {
        this.skill = skill;
        this.out = out;
        this.json = json;
    }

    List<String> run(LocalStack stack, Consumer<String> progress) {
        String token = LocalStack.DEMO_TOKEN;

        JsonNode found = say("Alexa, play OK Computer by Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer", "ARTIST", "Radiohead"),
                "GetPlayableContent.Response");
        String contentId = found.path("payload").path("content").path("id").asText();
        JsonNode started = say("(Alexa starts playback of what the skill found)",
                AlexaRequests.initiate(token, contentId, false), "Initiate.Response");
        JsonNode method = started.path("payload").path("playbackMethod");
        AlexaRequests.Position at = new AlexaRequests.Position(method.path("firstItem").path("id").asText(),
                method.path("id").asText(), contentId);

        JsonNode next = say("Alexa, next", AlexaRequests.getNextItem(token, at, true), "GetNextItem.Response");
        at = moved(at, next);
        JsonNode previous = say("Alexa, previous", AlexaRequests.getPreviousItem(token, at), "GetPreviousItem.Response");
        at = moved(at, previous);
        say("Alexa, shuffle", AlexaRequests.setShuffle(token, at, true), "Response");
        JsonNode shuffled = say("(the track ends; Alexa asks for the next one, now shuffled)",
                AlexaRequests.getNextItem(token, at, false), "GetNextItem.Response");
        at = moved(at, shuffled);
        say("Alexa, loop", AlexaRequests.setLoop(token, at, true), "Response");
        say("(the Alexa app opens the queue view)", AlexaRequests.getView(token, at), "GetView.Response");

        JsonNode library = say("Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(token, "MEDIA_TYPE", "TRACK"), "GetPlayableContent.Response");
        say("(Alexa starts the library, shuffled)", AlexaRequests.initiate(token,
                library.path("payload").path("content").path("id").asText(), false), "Initiate.Response");
        say("Alexa, play Radiohead on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ARTIST", "radio head"), "GetPlayableContent.Response");
        say("Alexa, play The Songs That Do Not Exist on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "The Songs That Do Not Exist"), "CONTENT_NOT_FOUND");

        say("(an hour later: Alexa still holds the old, expired token)",
                AlexaRequests.getPlayableContent(LocalStack.EXPIRED_TOKEN, "ARTIST", "Radiohead"),
                "EXPIRED_AUTHORIZATION_CREDENTIAL");
        say("(someone who linked the skill but never paired a home) Alexa, play music on Music Assistant",
                AlexaRequests.getPlayableContent(LocalStack.UNPAIRED_TOKEN, "MEDIA_TYPE", "TRACK"), "ACCOUNT_PROBLEM");
        say("(a request with a made-up token)",
                AlexaRequests.getPlayableContent("Atza|IwEBIforged", "ARTIST", "Radiohead"), "INVALID_AUTHORIZATION_CREDENTIAL");

        progress.accept("Stopping the connector, as when the home's machine shuts down ...");
        stack.stopConnector();
        long before = System.nanoTime();
        say("(the home is offline) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"), "INTERNAL_ERROR");
        out.printf("      answered in %d ms: an offline home is reported at once, not after a timeout%n",
                (System.nanoTime() - before) / 1_000_000);
        progress.accept("Starting the connector again ...");
        stack.restartConnector(progress);
        say("(the home is back) Alexa, play OK Computer on Music Assistant",
                AlexaRequests.getPlayableContent(token, "ALBUM", "OK Computer"), "GetPlayableContent.Response");
        return failures;
    }

    private JsonNode say(String utterance, ObjectNode directive, String expected) {
        step++;
        out.printf("%n%2d. %s%n", step, utterance);
        out.println("    → " + Describe.request(directive));
        if (json) {
            out.println(indent(directive.toPrettyString()));
        }
        long started = System.nanoTime();
        JsonNode answer = skill.send(directive);
        long ms = (System.nanoTime() - started) / 1_000_000;
        out.println("    ← " + Describe.answer(answer) + "   (" + ms + " ms)");
        if (json) {
            out.println(indent(answer.toPrettyString()));
        }
        String got = answer.path("header").path("name").asText();
        if (got.equals("ErrorResponse")) {
            got = answer.path("payload").path("type").asText();
        }
        if (!got.equals(expected)) {
            failures.add("step " + step + " (" + utterance + "): expected " + expected + ", got " + got);
            out.println("    !! expected " + expected);
        }
        return answer;
    }

    private static AlexaRequests.Position moved(AlexaRequests.Position at, JsonNode answer) {
        JsonNode item = answer.path("payload").path("item");
        return item.has("id") ? new AlexaRequests.Position(item.path("id").asText(), at.queueId(), at.contentId()) : at;
    }

    private static String indent(String text) {
        return "      " + text.replace("\n", "\n      ");
    }
}
