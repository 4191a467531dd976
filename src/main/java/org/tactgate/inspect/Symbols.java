package org.tactgate.inspect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of detection symbols (resource {@code detection/symbols.tsv}): every sub-rule a
 * finding can name, the detector it belongs to, and what it means for the person it stops. One
 * list drives docs/symbols.md and the per-symbol tests, so a symbol cannot exist undocumented.
 */
public final class Symbols {
    private static final String RESOURCE = "/detection/symbols.tsv";
    private static final Symbols STANDARD = load();

    /** One named sub-rule. */
    public record Symbol(String name, String detector, String description) {
    }

    private final Map<String, Symbol> byName;

    private Symbols(Map<String, Symbol> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Symbols standard() {
        return STANDARD;
    }

    public Optional<Symbol> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Symbol> all() {
        return new java.util.TreeMap<>(byName).values();
    }

    private static Symbols load() {
        Map<String, Symbol> out = new LinkedHashMap<>();
        try (InputStream in = Symbols.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (f.length != 3 || !f[0].matches("[A-Z][A-Z0-9_]*")) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected SYMBOL<TAB>detector<TAB>description");
                }
                if (out.put(f[0], new Symbol(f[0], f[1], f[2])) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": " + f[0] + " listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Symbols(out);
    }
}
