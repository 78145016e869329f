package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.musicassistant.alexa.stack.AlexaRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnEmptyState() throws IOException {
        assertEquals(DeployState.empty(), new StateStore(dir.resolve("prod.json")).load());
    }

    @Test
    void roundTripsIdsAndRegionsInTheOrderTheyWereFirstDeployed() throws IOException {
        StateStore store = new StateStore(dir.resolve(".deploy/prod.json"));
        DeployState state = DeployState.empty()
                .withSkillId(Skill.CONTROL, "amzn1.ask.skill.c")
                .withSkillId(Skill.MUSIC, "amzn1.ask.skill.m")
                .withStack(AlexaRegion.FE, ManifestsTest.outputs("us-west-2"))
                .withStack(AlexaRegion.NA, ManifestsTest.outputs("us-east-1"))
                .withStack(
                        AlexaRegion.FE,
                        new StackOutputs("MusicAssistantAlexa", "arn:m", "arn:c", "https://new.example", "arn:t"));

        store.save(state);
        DeployState read = store.load();

        assertEquals(state, read);
        assertEquals(
                List.of("us-west-2", "us-east-1"), List.copyOf(read.regions().keySet()), "a redeploy keeps its place");
        assertEquals("https://new.example", read.regions().get("us-west-2").relayApiUrl());
        assertFalse(Files.exists(dir.resolve(".deploy/prod.json.next")), "no half-written file is left");
    }
}
