package io.musicassistant.alexa.stack;

/**
 * The stack's CloudFormation outputs by their logical ids: the CDK app declares them and the deploy
 * tool reads them from {@code cdk deploy --outputs-file}.
 */
public enum StackOutput {
    MUSIC_SKILL_ENDPOINT("MusicSkillEndpoint"),
    CONTROL_SKILL_ENDPOINT("ControlSkillEndpoint"),
    RELAY_API_URL("RelayApiUrl"),
    ALARM_TOPIC_ARN("AlarmTopicArn"),
    ALEXA_REGION("AlexaRegion"),
    CATALOG_BUCKET("CatalogBucket"),
    SMAPI_SECRET_ARN("SmapiSecretArn");

    private final String id;

    StackOutput(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
