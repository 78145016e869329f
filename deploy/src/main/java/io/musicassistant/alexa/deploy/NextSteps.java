package io.musicassistant.alexa.deploy;

import io.musicassistant.alexa.stack.AlexaRegion;
import java.util.Collection;
import java.util.Map;

/** What is left for the developer after a deploy: the closing lines of step 11. */
final class NextSteps {

    private NextSteps() {}

    /**
     * @param urls the return URLs to allow in the security profile
     * @param stacks every region's stack outputs (its relay API), by AWS region
     * @param here the outputs of the region this run deployed (its alarm topic)
     */
    static void print(
            Progress progress,
            Collection<String> urls,
            Map<String, StackOutputs> stacks,
            StackOutputs here,
            String alarmEmail) {
        progress.line("");
        progress.line("What is left for you:");
        progress.line(
                " 1. Login with Amazon: developer console → Login with Amazon → your security profile → Web Settings →");
        progress.line("    Edit → Allowed Return URLs: add");
        urls.forEach(u -> progress.line("      " + u));
        progress.line(
                " 2. In the Alexa app (signed in with the Amazon account of your developer account): More → Skills & Games →");
        progress.line(
                "    Your Skills → Dev: enable \"Music Assistant\" and \"Music Assistant Control\" and link your account in each;");
        progress.line("    keep the \"Send Alexa Events\" permission the control skill asks for.");
        progress.line(" 3. Start the connector next to Music Assistant with");
        stacks.forEach((awsRegion, outputs) -> progress.line("      RELAY_API_URL=" + outputs.relayApiUrl()
                + AlexaRegion.ofAwsRegion(awsRegion)
                        .map(r -> "   (users in " + r.name() + ": " + r.serves() + ")")
                        .orElse("")));
        progress.line("    (connector/README.md); it registers and prints a pairing code.");
        LocaleRouting.HOMES.lines().forEach(l -> progress.line("    " + l));
        progress.line(
                " 4. Pair: \"Alexa, ask Music Assistant to link my home with code 1234 5678\" (the code it shows; German:");
        progress.line("    \"Alexa, öffne Musik Assistent\", then \"verknüpfe mein Zuhause mit Code 1234 5678\").");
        progress.line(
                " 5. \"Alexa, discover devices\" for the players; \"Alexa, play music on Music Assistant\" for the music skill.");
        progress.line("Alarms go to " + here.alarmTopicArn()
                + (alarmEmail == null
                        ? " (set ALARM_EMAIL to have them mailed)."
                        : " and " + alarmEmail + " (confirm the subscription mail)."));
    }
}
