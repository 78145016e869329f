package io.musicassistant.alexa.deploy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Alexa's three endpoint regions and the AWS region each calls smart-home Lambdas in. Amazon
 * requires a smart-home skill's Lambda in the region matching the locale's endpoint, so these are
 * the only regions a deployment may use.
 */
public enum AlexaRegion {
    NA("us-east-1", "North America"),
    EU("eu-west-1", "Europe, India"),
    FE("us-west-2", "Far East");

    private final String awsRegion;
    private final String serves;

    AlexaRegion(String awsRegion, String serves) {
        this.awsRegion = awsRegion;
        this.serves = serves;
    }

    public String awsRegion() {
        return awsRegion;
    }

    public String serves() {
        return serves;
    }

    public static Optional<AlexaRegion> ofAwsRegion(String awsRegion) {
        return Arrays.stream(values()).filter(r -> r.awsRegion.equals(awsRegion)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(r -> r.awsRegion + " (" + r.name() + ")").collect(Collectors.joining(", "));
    }
}
