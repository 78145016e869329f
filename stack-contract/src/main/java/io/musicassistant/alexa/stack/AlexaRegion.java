package io.musicassistant.alexa.stack;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alexa's three endpoint regions, the AWS region each calls smart-home Lambdas in and the event
 * gateway a skill there reports to. Amazon requires a smart-home skill's Lambda in the region
 * matching the locale's endpoint, so these are the only regions a deployment may use: the deploy
 * tool offers them and the CDK app accepts only them.
 */
public enum AlexaRegion {
    NA("us-east-1", "the Americas", "https://api.amazonalexa.com/v3/events"),
    EU("eu-west-1", "Europe, India", "https://api.eu.amazonalexa.com/v3/events"),
    FE("us-west-2", "Japan, Australia", "https://api.fe.amazonalexa.com/v3/events");

    private final String awsRegion;
    private final String serves;
    private final String eventGateway;

    AlexaRegion(String awsRegion, String serves, String eventGateway) {
        this.awsRegion = awsRegion;
        this.serves = serves;
        this.eventGateway = eventGateway;
    }

    public String awsRegion() {
        return awsRegion;
    }

    public String serves() {
        return serves;
    }

    public String eventGateway() {
        return eventGateway;
    }

    public static Optional<AlexaRegion> ofAwsRegion(String awsRegion) {
        return Arrays.stream(values())
                .filter(r -> r.awsRegion.equals(awsRegion))
                .findFirst();
    }

    /** {@code us-east-1 (NA), eu-west-1 (EU), us-west-2 (FE)}: for messages that list the choices. */
    public static String choices() {
        return Arrays.stream(values())
                .map(r -> r.awsRegion + " (" + r.name() + ")")
                .collect(Collectors.joining(", "));
    }
}
