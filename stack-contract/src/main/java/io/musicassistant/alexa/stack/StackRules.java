package io.musicassistant.alexa.stack;

import java.util.regex.Pattern;

/**
 * The names and formats both sides hold a deployment to: the CDK app refuses context that breaks
 * them, and the deploy tool checks them before it creates any skill.
 */
public final class StackRules {

    public static final String DEFAULT_STACK_NAME = "MusicAssistantAlexa";
    public static final String DEFAULT_TABLE_PREFIX = "ma-alexa-";
    /** The shaded Lambda jar, relative to the repository's root. */
    public static final String LAMBDA_JAR = "lambda/target/ma-alexa-lambda.jar";
    /** The NoEcho parameter that takes the control skill's messaging secret (with {@link ContextKey#ALEXA_CLIENT_ID}). */
    public static final String ALEXA_CLIENT_SECRET_PARAMETER = "AlexaClientSecret";

    public static final String LWA_CLIENT_PREFIX = "amzn1.application-oa2-client.";

    /** A Login-with-Amazon security profile's (or skill messaging's) client id. */
    public static final Pattern LWA_CLIENT_ID = Pattern.compile(Pattern.quote(LWA_CLIENT_PREFIX) + "[0-9a-zA-Z]{1,64}");

    public static final Pattern SKILL_ID = Pattern.compile("amzn1\\.ask\\.skill\\.[0-9a-f-]{36}");
    /** Starts table, function, secret, API and bucket names; at most 25 characters. */
    public static final Pattern TABLE_PREFIX = Pattern.compile("[a-z][a-z0-9-]{0,23}-");

    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private StackRules() {}
}
