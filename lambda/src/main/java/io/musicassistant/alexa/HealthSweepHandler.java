package io.musicassistant.alexa;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.musicassistant.alexa.control.reporting.HealthSweep;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * AWS Lambda entry point of the health sweep, run every minute by the schedule:
 * {@code io.musicassistant.alexa.HealthSweepHandler::handleRequest}. The event is
 * ignored; the answer is what the sweep did.
 */
public final class HealthSweepHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HealthSweep.Result r = CloudWiring.fromEnvironment().healthSweep().run();
        output.write(("{\"homes\":" + r.homes() + ",\"told_offline\":" + r.toldOffline() + ",\"told_back\":"
                        + r.toldBack() + ",\"retry_later\":" + r.retryLater() + "}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
