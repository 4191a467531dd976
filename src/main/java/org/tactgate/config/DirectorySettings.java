package org.tactgate.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Who is who: {@code internal.domains}, {@code customers.*}, {@code partners.domains}. */
public record DirectorySettings(
        List<String> internalDomains,
        Optional<Path> customersFile,
        boolean externalIsCustomer,
        List<String> partnerDomains) {
}
