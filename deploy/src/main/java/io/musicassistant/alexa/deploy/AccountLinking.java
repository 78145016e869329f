package io.musicassistant.alexa.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;

/**
 * The account-linking request of a skill (skill-package/&lt;skill&gt;/account-linking.json) with the
 * LWA client id and secret filled in. The ASK CLI reads it only from a file ({@code file:PATH}), so
 * it is written owner-only, and the caller deletes it as soon as the CLI has run.
 */
final class AccountLinking {

    static final String FILE = "account-linking.json";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AccountLinking() {}

    static JsonNode render(Path skillSource, String lwaClientId, Secret lwaClientSecret) throws IOException {
        Path template = skillSource.resolve(FILE);
        JsonNode parsed = Manifests.JSON.readTree(Files.readString(template));
        return Manifests.fill(
                parsed,
                Map.of("LWA_CLIENT_ID", lwaClientId, "LWA_CLIENT_SECRET", lwaClientSecret.value()),
                skillSource.getFileName() + "/" + FILE);
    }

    /** Writes the request to a new file that only its owner can read, created so from the start. */
    static Path writeOwnerOnly(Path dir, JsonNode request) throws IOException {
        Path file;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            file = Files.createTempFile(
                    dir, "ma-alexa-account-linking-", ".json", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            file = Files.createTempFile(dir, "ma-alexa-account-linking-", ".json");
            var f = file.toFile();
            boolean restricted = f.setReadable(false, false)
                    & f.setReadable(true, true)
                    & f.setWritable(false, false)
                    & f.setWritable(true, true);
            if (!restricted) {
                Files.delete(file);
                throw new IOException("cannot make " + file + " owner-only");
            }
        }
        file.toFile().deleteOnExit(); // in case the run is interrupted between writing and deleting
        Files.writeString(file, Manifests.JSON.writeValueAsString(request));
        return file;
    }
}
