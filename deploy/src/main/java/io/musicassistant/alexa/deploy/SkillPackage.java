package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A skill as SMAPI imports it: the rendered skill.json, the icons (assets/), and for the control
 * skill its voice models (interactionModels/), zipped with skill.json at the root. It goes through
 * SMAPI's package import because that is the only route that accepts the manifest's
 * {@code file://assets/…} icon URIs; the manifest API refuses them as invalid URLs.
 *
 * <p>The folder it is written to, {@code .deploy/<stage>/<skill>/}, is also an ASK CLI project
 * (ask-resources.json, .ask/ask-states.json with the skill id), so {@code ask dialog} and
 * {@code ask deploy} work on the rendered skill there. account-linking.json is never packaged: it
 * carries the LWA secret and goes to its own API.
 */
final class SkillPackage {

    /** ask-cli 2.30.7's format versions (model/resources-config/ask-resources.js and ask-states.js). */
    static final String ASK_RESOURCES_VERSION = "2020-03-31";

    static final String ASK_STATES_VERSION = "2020-03-31";
    /** The profile name the ASK CLI uses when its credentials come from the environment. */
    static final String ENVIRONMENT_PROFILE = "__ENVIRONMENT_ASK_PROFILE__";

    static final String PACKAGE_FOLDER = "skill-package";

    private SkillPackage() {}

    /** The project folder of a skill in a stage. */
    static Path projectDir(Host host, String stage, Skill skill) {
        return host.deployDir().resolve(stage).resolve(skill.folder());
    }

    static Path zipFile(Path projectDir) {
        return projectDir.resolve(PACKAGE_FOLDER + ".zip");
    }

    /**
     * Writes the project and the zip.
     *
     * @param skillId the skill's id once known (for ask-states.json), or null
     * @return the zip
     */
    static Path write(
            Path projectDir, Path source, JsonNode manifest, boolean voiceModels, String askProfile, String skillId)
            throws IOException {
        Path pkg = projectDir.resolve(PACKAGE_FOLDER);
        deleteTree(pkg);
        Files.createDirectories(pkg);
        Manifests.JSON
                .writer(SerializationFeature.INDENT_OUTPUT)
                .writeValue(pkg.resolve("skill.json").toFile(), manifest);
        copyTree(source.resolve("assets"), pkg.resolve("assets"));
        if (voiceModels) {
            copyTree(source.resolve("interactionModels"), pkg.resolve("interactionModels"));
        }
        writeAskProject(projectDir, askProfile, skillId);
        Path zip = zipFile(projectDir);
        zip(pkg, zip);
        return zip;
    }

    static void writeAskProject(Path projectDir, String askProfile, String skillId) throws IOException {
        ObjectNode resources = Manifests.JSON.createObjectNode();
        resources.put("askcliResourcesVersion", ASK_RESOURCES_VERSION);
        resources
                .putObject("profiles")
                .putObject(askProfile)
                .putObject("skillMetadata")
                .put("src", "./" + PACKAGE_FOLDER);
        Manifests.JSON
                .writer(SerializationFeature.INDENT_OUTPUT)
                .writeValue(projectDir.resolve("ask-resources.json").toFile(), resources);
        if (skillId != null) {
            ObjectNode states = Manifests.JSON.createObjectNode();
            states.put("askcliStatesVersion", ASK_STATES_VERSION);
            ObjectNode profile = states.putObject("profiles").putObject(askProfile);
            profile.put("skillId", skillId);
            profile.putObject("skillMetadata");
            Files.createDirectories(projectDir.resolve(".ask"));
            Manifests.JSON
                    .writer(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(
                            projectDir
                                    .resolve(".ask")
                                    .resolve("ask-states.json")
                                    .toFile(),
                            states);
        }
    }

    /** The files a package holds, as zip entry names; what {@link #write} puts in the zip. */
    static List<String> entries(Path pkg) throws IOException {
        try (Stream<Path> files = Files.walk(pkg)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> pkg.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    private static void zip(Path pkg, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : entries(pkg)) {
                out.putNextEntry(new ZipEntry(entry));
                Files.copy(pkg.resolve(entry), out);
                out.closeEntry();
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException("missing " + from);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
