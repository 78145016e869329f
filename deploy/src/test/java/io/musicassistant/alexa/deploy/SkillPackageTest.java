package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated skill packages and the ASK CLI projects around them. */
class SkillPackageTest {

    @TempDir
    Path dir;

    @Test
    void askResourcesJsonHasAskCli2307sFormatAndItsSrcIsTheRenderedPackage() throws IOException {
        Path project = dir.resolve("control");
        Files.createDirectories(project);
        JsonNode manifest = Manifests.render(ManifestsTest.template(Skill.CONTROL), Skill.CONTROL, null, null, null);

        SkillPackage.write(
                project,
                Skill.CONTROL.source(Fixture.repositoryRoot()),
                manifest,
                true,
                "default",
                "amzn1.ask.skill.22222222-2222-4222-8222-222222222222");

        JsonNode resources =
                Manifests.JSON.readTree(project.resolve("ask-resources.json").toFile());
        assertEquals("2020-03-31", resources.path("askcliResourcesVersion").asText());
        String src = resources.at("/profiles/default/skillMetadata/src").asText();
        Path pkg = project.resolve(src).normalize();
        assertTrue(Files.isRegularFile(pkg.resolve("skill.json")), "src " + src + " holds skill.json");
        assertTrue(Files.isDirectory(pkg.resolve("assets/images")));
        assertTrue(Files.isRegularFile(pkg.resolve("interactionModels/custom/en-US.json")));
        JsonNode states =
                Manifests.JSON.readTree(project.resolve(".ask/ask-states.json").toFile());
        assertEquals("2020-03-31", states.path("askcliStatesVersion").asText());
        assertEquals(
                "amzn1.ask.skill.22222222-2222-4222-8222-222222222222",
                states.at("/profiles/default/skillId").asText());
    }

    @Test
    void theZipHasSkillJsonAtItsRootTheIconsAndNeverTheAccountLinkingTemplate() throws IOException {
        Path project = dir.resolve("music");
        Files.createDirectories(project);
        JsonNode manifest = Manifests.render(ManifestsTest.template(Skill.MUSIC), Skill.MUSIC, null, null, null);

        Path zip = SkillPackage.write(
                project, Skill.MUSIC.source(Fixture.repositoryRoot()), manifest, false, "default", null);

        List<String> names = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Collections.list(file.entries()).stream().map(ZipEntry::getName).forEach(names::add);
            assertEquals(manifest, Manifests.JSON.readTree(file.getInputStream(file.getEntry("skill.json"))));
        }
        assertEquals(List.of("assets/images/icon-108.png", "assets/images/icon-512.png", "skill.json"), names);
        assertFalse(Files.exists(project.resolve(".ask")), "no skill id yet, no ask-states.json");
    }

    @Test
    void aSecondWriteReplacesThePackageWhole() throws IOException {
        Path project = dir.resolve("control");
        Files.createDirectories(project);
        Path source = Skill.CONTROL.source(Fixture.repositoryRoot());
        JsonNode manifest = Manifests.render(ManifestsTest.template(Skill.CONTROL), Skill.CONTROL, null, null, null);
        SkillPackage.write(project, source, manifest, true, "default", null);

        SkillPackage.write(project, source, manifest, false, "default", null);

        assertFalse(
                Files.exists(project.resolve("skill-package/interactionModels")), "nothing stale is uploaded again");
    }
}
