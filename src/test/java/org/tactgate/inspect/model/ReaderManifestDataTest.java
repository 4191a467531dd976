package org.tactgate.inspect.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The model on the classpath was trained on files that are in this repository, unchanged: the
 * first model's data was lost because an ignore pattern hid it, and nothing noticed.
 */
class ReaderManifestDataTest {

    @Test
    void everyTrainingFileTheManifestNamesIsCommittedWithItsDigest() throws IOException, NoSuchAlgorithmException {
        JsonNode data;
        try (InputStream in = ReaderManifestDataTest.class.getResourceAsStream("/model/reader-manifest.json")) {
            assertThat(in).as("model/reader-manifest.json on the classpath").isNotNull();
            data = new ObjectMapper().readTree(in).path("data");
        }
        assertThat(data.size()).as("training files named in the manifest").isGreaterThan(0);
        for (JsonNode entry : data) {
            Path file = Path.of(entry.path("file").asText());
            assertThat(file).as("training data named by the manifest").isRegularFile();
            byte[] bytes = Files.readAllBytes(file);
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(digest).as("sha256 of " + file).isEqualTo(entry.path("sha256").asText());
            assertThat(new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count())
                    .as("lines of " + file).isEqualTo(entry.path("lines").asLong());
        }
    }
}
