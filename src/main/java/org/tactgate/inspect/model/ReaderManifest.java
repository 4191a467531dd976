package org.tactgate.inspect.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the training run wrote beside the weights ({@code reader-manifest.json}) that the relay
 * needs: the thresholds it chose on held-out organisations, one per head.
 */
public record ReaderManifest(double disparageThreshold, double abuseThreshold) {

    static ReaderManifest read(InputStream json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        return new ReaderManifest(threshold(root, "disparage"), threshold(root, "abuse"));
    }

    private static double threshold(JsonNode root, String head) throws IOException {
        JsonNode t = root.path("thresholds").path(head);
        if (!t.isNumber() || t.asDouble() <= 0 || t.asDouble() >= 1) {
            throw new IOException("reader-manifest.json: thresholds." + head + " must be a number between 0 and 1");
        }
        return t.asDouble();
    }
}
