package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.control.ControlSkill;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** AWS Lambda entry point of the control skill: {@code io.musicassistant.alexa.ControlSkillHandler::handleRequest}. */
public final class ControlSkillHandler implements RequestStreamHandler {

    private final ControlSkill skill;

    public ControlSkillHandler() {
        this(CloudWiring.fromEnvironment().controlSkill());
    }

    public ControlSkillHandler(ControlSkill skill) {
        this.skill = skill;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(skill.handle(input.readNBytes(AlexaJson.MAX_REQUEST_BYTES + 1)));
    }
}
