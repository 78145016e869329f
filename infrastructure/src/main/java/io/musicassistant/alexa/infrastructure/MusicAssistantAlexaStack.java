package io.musicassistant.alexa.infrastructure;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * One deployment of the cloud side in one region. So far: its tables. The Lambdas, the relay API,
 * the connector role and the alarms follow (infrastructure/README.md).
 */
public final class MusicAssistantAlexaStack extends Stack {

    private final Storage storage;

    public MusicAssistantAlexaStack(Construct scope, String id, StackProps props, String tablePrefix) {
        super(scope, id, props);
        this.storage = new Storage(this, "Storage", tablePrefix);
    }

    public Storage storage() {
        return storage;
    }
}
