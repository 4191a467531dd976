package org.tactgate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Policy settings ({@code policy.*}).
 *
 * @param file           the rules file; empty means the built-in default rules
 * @param monitor        site-wide monitor mode: verdicts are recorded, everything is delivered
 * @param deadlineCheck  how often the deadline scheduler looks for holds past their deadline
 */
public record PolicySettings(Optional<Path> file, boolean monitor, Duration deadlineCheck) {
}
