package org.tactgate.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/architecture.md honest: the main code's package graph (from its imports and
 * fully-qualified references) has no cycle, {@code message} imports nothing of ours, and nothing
 * outside {@code store} reaches into {@code store.internal}.
 */
class PackageGraphTest {
    private static final Path MAIN = Path.of("src/main/java/org/tactgate");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.tactgate\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> deps = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        deps.add(m.group(1));
                    }
                }
            }
        }
        return graph;
    }

    @Test
    void thereIsNoPackageCycle() throws IOException {
        // store.internal implements store's interfaces: the two are one unit for cycles
        Map<String, Set<String>> graph = new TreeMap<>();
        graph().forEach((pkg, deps) -> graph.computeIfAbsent(pkg.replace(".internal", ""), k -> new TreeSet<>())
                .addAll(deps.stream().map(d -> d.replace(".internal", "")).filter(d -> !d.equals(pkg.replace(".internal", ""))).toList()));
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.add(List.of(start));
            Set<String> seen = new TreeSet<>();
            while (!paths.isEmpty()) {
                List<String> path = paths.poll();
                for (String next : graph.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) {
                        cycles.add(String.join(" -> ", path) + " -> " + start);
                    } else if (seen.add(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.add(longer);
                    }
                }
            }
        }
        assertThat(cycles).as("package cycles (graph: %s)", graph).isEmpty();
    }

    @Test
    void theMessageRecordsDependOnNothingOfOurs() throws IOException {
        assertThat(graph().get("message")).isEmpty();
    }

    @Test
    void onlyTheStoreReachesIntoItsInternals() throws IOException {
        graph().forEach((pkg, deps) -> {
            if (!pkg.startsWith("store")) {
                assertThat(deps).as(pkg + " imports").doesNotContain("store.internal");
            }
        });
    }

    @Test
    void theArchitecturePageDrawsTheGraphAsItIs() throws IOException {
        String page = Files.readString(Path.of("docs/architecture.md"), StandardCharsets.UTF_8);
        graph().forEach((pkg, deps) -> {
            String line = "- `" + pkg + "` → " + (deps.isEmpty() ? "nothing" : String.join(", ", deps));
            assertThat(page).as("docs/architecture.md has the line: " + line).contains(line);
        });
    }
}
