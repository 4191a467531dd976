package org.tactgate.config;

import java.time.Duration;

/**
 * Retention settings ({@code retention.*}).
 *
 * @param period bodies of released, bounced or deleted held mail are purged this long after their last change
 * @param check  how often the purge runs
 */
public record RetentionSettings(Duration period, Duration check) {
}
