package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.musicassistant.alexa.alexa.AlexaJson;
import io.musicassistant.alexa.music.MusicSkill;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** AWS Lambda entry point of the music skill: {@code io.musicassistant.alexa.MusicSkillHandler::handleRequest}. */
public final class MusicSkillHandler implements RequestStreamHandler {

    private final MusicSkill skill;

    /** Used by the Lambda runtime: wires everything from the environment once per container. */
    public MusicSkillHandler() {
        this(CloudWiring.fromEnvironment().musicSkill());
    }

    public MusicSkillHandler(MusicSkill skill) {
        this.skill = skill;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // Read one byte past the limit so that an oversized request is recognised, not truncated into validity.
        byte[] request = input.readNBytes(AlexaJson.MAX_REQUEST_BYTES + 1);
        output.write(skill.handle(request));
    }
}
