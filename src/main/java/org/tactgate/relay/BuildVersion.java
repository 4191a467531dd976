package org.tactgate.relay;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version this relay was built as: {@code build-info.properties}, which Maven fills in with
 * the project version at build time (so tests run from classes know it too), else the jar
 * manifest's {@code Implementation-Version}, else {@code development}.
 */
final class BuildVersion {
    private static final String RESOURCE = "/build-info.properties";

    private BuildVersion() {
    }

    static String current() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "");
                // an unfiltered copy (an IDE build that skipped Maven's resources step) still says ${...}
                if (!v.isBlank() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest: a build-info series must never stop the relay starting
        }
        String manifest = BuildVersion.class.getPackage().getImplementationVersion();
        return manifest == null ? "development" : manifest;
    }
}
