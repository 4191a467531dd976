package org.tactgate.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The folder Tactgate is installed in, {@code ${home}} in settings: {@code TACTGATE_HOME} when set
 * ({@code bin/tactgate} sets it), else two levels above the code that runs: the project folder for
 * {@code target/tactgate.jar} and {@code target/classes}, the unpacked folder for
 * {@code lib/tactgate.jar}. It does not depend on where a settings file is, which is the point: the
 * shipped settings name their files through it, so a copy of them finds the same files.
 */
public final class TactgateHome {
    private TactgateHome() {
    }

    public static Path find(UnaryOperator<String> env) {
        String set = env.apply("TACTGATE_HOME");
        if (set != null && !set.isBlank()) {
            return Path.of(set).toAbsolutePath().normalize();
        }
        try {
            Path code = Path.of(TactgateHome.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
            Path folder = code.getParent();
            return folder.getParent() == null ? folder : folder.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the working folder is the best guess left
            return Path.of("").toAbsolutePath();
        }
    }
}
