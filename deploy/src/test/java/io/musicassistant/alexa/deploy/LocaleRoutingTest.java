package io.musicassistant.alexa.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicassistant.alexa.stack.AlexaLocales;
import io.musicassistant.alexa.stack.AlexaRegion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Far East traffic reaches the Far East stack: the real skill packages' locales, routed and rendered. */
class LocaleRoutingTest {

    @TempDir
    Path dir;

    @Test
    void everyLocaleOfBothManifestsHasARegion() throws IOException {
        for (Skill skill : Skill.values()) {
            JsonNode template = ManifestsTest.template(skill);
            Map<AlexaRegion, List<String>> routed = LocaleRouting.byRegion(template);

            TreeSet<String> listed = new TreeSet<>();
            template.at("/manifest/publishingInformation/locales").fieldNames().forEachRemaining(listed::add);
            TreeSet<String> all = new TreeSet<>();
            routed.forEach((region, locales) -> locales.forEach(l -> {
                all.add(l);
                assertEquals(AlexaLocales.regionOf(l).orElseThrow(), region, l);
            }));
            assertEquals(listed, all, skill + ": every locale is routed, none twice");
            assertTrue(routed.get(AlexaRegion.FE).contains("en-AU"), skill + ": a Far East locale");
        }
    }

    @Test
    void aLocaleTheTableDoesNotRouteStopsTheDeploy() throws IOException {
        JsonNode manifest = Manifests.JSON.readTree("""
                {"manifest": {"publishingInformation": {"locales": {"en-US": {}, "nl-NL": {}}}}}""");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LocaleRouting.byRegion(manifest));

        assertTrue(e.getMessage().contains("nl-NL"), e.getMessage());
    }

    @Test
    void aDryRunIntoTheFarEastRendersFarEastEndpointsForBothSkills() throws IOException {
        Fixture f = new Fixture(dir);

        assertEquals(Deploy.OK, f.run("--dry-run", "--region", "us-west-2"), f.output());

        String out = f.output();
        List<JsonNode> sections = endpointSections(out);
        assertEquals(2, sections.size(), out);
        Map<String, String> arns =
                Map.of("music", "<MusicSkillEndpoint from step 6>", "control", "<ControlSkillEndpoint from step 6>");
        for (int i = 0; i < 2; i++) {
            Skill skill = Skill.values()[i];
            String arn = arns.get(skill.folder());
            for (String holder : skill.endpointHolders()) {
                JsonNode shown = sections.get(i).path(holder.substring(1).replace('/', '.'));
                assertEquals(arn, shown.at("/regions/FE/endpoint/uri").asText(), skill + " " + holder);
                assertEquals(arn, shown.at("/endpoint/uri").asText(), skill + " " + holder + ": the only stack");
            }
        }
        assertTrue(out.contains("✓ FE (us-west-2) serves "), "the preflight names the locales this stack serves");
        assertTrue(out.contains("FE (us-west-2): "), out);
        for (String line :
                out.lines().filter(l -> l.contains("FE (us-west-2): ")).toList()) {
            assertTrue(
                    line.contains("en-AU") && line.matches(".* → <(Music|Control)SkillEndpoint from step 6>"),
                    "FE's locales reach the FE stack's own Lambda: " + line);
        }
        assertTrue(out.contains("NA (us-east-1): en-US"), out);
        assertTrue(out.contains("no stack in us-east-1 yet"), "a region without a stack is named");
        assertTrue(out.contains("Each region's stack keeps its own homes"), "the dry run says how homes are shared");
    }

    @Test
    void withStacksInAllThreeRegionsEachRegionsLocalesReachItsOwnLambda() throws IOException {
        Map<String, StackOutputs> stacks = new LinkedHashMap<>();
        for (AlexaRegion region : AlexaRegion.values()) {
            stacks.put(region.awsRegion(), ManifestsTest.outputs(region.awsRegion()));
        }
        JsonNode control = ManifestsTest.template(Skill.CONTROL);

        List<String> lines =
                LocaleRouting.describe(control, Manifests.Endpoints.of(stacks, StackOutputs::controlSkillEndpoint));

        assertEquals(3, lines.size(), lines.toString());
        for (String line : lines) {
            AlexaRegion region = AlexaRegion.valueOf(line.substring(0, 2));
            assertTrue(line.startsWith(region.name() + " (" + region.awsRegion() + "): "), line);
            assertTrue(line.endsWith(" → " + ManifestsTest.arn(region.awsRegion(), "control")), line);
        }
        assertTrue(
                lines.getLast().startsWith("FE (us-west-2): ")
                        && lines.getLast().contains("en-AU"),
                lines.getLast());
    }

    /** The endpoint sections step 7 and 8 print, parsed back. */
    private static List<JsonNode> endpointSections(String out) throws IOException {
        List<JsonNode> sections = new ArrayList<>();
        StringBuilder json = null;
        for (String line : out.lines().toList()) {
            String text = line.strip();
            if (text.equals("the manifest's endpoints as rendered:")) {
                json = new StringBuilder();
            } else if (json != null && text.startsWith("the locales by Alexa region")) {
                sections.add(Manifests.JSON.readTree(json.toString()));
                json = null;
            } else if (json != null) {
                json.append(text).append('\n');
            }
        }
        return sections;
    }
}
