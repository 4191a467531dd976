package org.tactgate.policy;

import org.tactgate.message.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tactgate.config.Choice;
import org.tactgate.config.Units;
import org.tactgate.store.Hold;

/**
 * Reads a policy file (docs/policy.md): sections {@code [policy]}, {@code [group NAME]} and
 * {@code [rule NAME]} of {@code key = value} lines, {@code #} comments. Rules keep their order.
 * Every error names the file, the line and the key.
 *
 * <p>SECURITY: the file is written by an admin; still, values are only parsed, never evaluated.
 */
public final class RulesFile {
    /** The rules shipped with Tactgate, used when {@code policy.file} is not set. */
    public static final String BUILT_IN = "/policy/default.rules";

    private static final Set<String> RULE_KEYS = Set.of("finding", "learned-only", "customer-in-recipients", "internal-only-to",
            "customer-copied", "sender", "unless-sender", "recipient-domain", "from", "until", "on-error", "verdict",
            "deadline", "at-deadline", "notify", "approver", "approval", "tag-subject", "reason", "monitor");
    private static final Set<String> POLICY_KEYS = Set.of("monitor", "allow-senders", "on-detector-error");

    /** A whole policy: site-wide options and the ordered rules. */
    public record RuleSet(boolean monitor, AddressSet allowSenders, Verdict onDetectorError, List<Rule> rules) {
    }

    /** A problem in a policy file, with where it is. */
    public static final class PolicyException extends RuntimeException {
        public PolicyException(String message) {
            super(message);
        }
    }

    private record Section(String kind, String name, int line, Map<String, String> values, Map<String, Integer> lines) {
    }

    private final String source;

    private RulesFile(String source) {
        this.source = source;
    }

    public static RuleSet read(Path file) {
        try {
            return new RulesFile(file.toString()).parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PolicyException(file + ": cannot read the policy file: " + e.getMessage());
        }
    }

    public static RuleSet builtIn() {
        try (InputStream in = RulesFile.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in policy missing from the classpath: " + BUILT_IN);
            }
            return new RulesFile("built-in " + BUILT_IN).parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in policy", e);
        }
    }

    /** Parses rules text; {@code source} names it in errors. */
    public static RuleSet parse(String source, String text) {
        return new RulesFile(source).parse(text);
    }

    private RuleSet parse(String text) {
        List<Section> sections = sections(text);
        Map<String, List<String>> groups = new HashMap<>();
        Section site = new Section("policy", "", 0, Map.of(), Map.of());
        for (Section s : sections) {
            if (s.kind.equals("group")) {
                groups.put(s.name, list(s, "members"));
                allowOnly(s, Set.of("members"));
            } else if (s.kind.equals("policy")) {
                site = s;
                allowOnly(s, POLICY_KEYS);
            }
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (Section s : sections) {
            if (s.kind.equals("rule")) {
                if (!names.add(s.name)) {
                    throw error(s, s.line, "rule", "a rule named '" + s.name + "' already exists");
                }
                rules.add(rule(s, groups));
            }
        }
        Verdict onError = enumValue(site, "on-detector-error", Verdict.class).orElse(Verdict.HOLD);
        if (onError == Verdict.REJECT) {
            throw error(site, site.lines.getOrDefault("on-detector-error", 0), "on-detector-error",
                    "an error is found after the message was accepted: use pass, hold or quarantine");
        }
        return new RuleSet(bool(site, "monitor").orElse(false), senders(site, "allow-senders", groups), onError,
                List.copyOf(rules));
    }

    private Rule rule(Section s, Map<String, List<String>> groups) {
        allowOnly(s, RULE_KEYS);
        Verdict verdict = enumValue(s, "verdict", Verdict.class)
                .orElseThrow(() -> error(s, s.line, "verdict", "every rule needs a verdict"));
        Terms fallback = Terms.of(verdict);
        Optional<String> approver = text(s, "approver");
        Terms terms = new Terms(
                value(s, "deadline", Units::parseDuration).orElse(fallback.deadline()),
                enumValue(s, "at-deadline", Hold.AtDeadline.class).orElse(fallback.atDeadline()),
                s.values.containsKey("notify") ? list(s, "notify") : fallback.notifies(),
                approver,
                enumValue(s, "approval", Terms.Approval.class).orElse(Terms.Approval.INSTEAD),
                Optional.ofNullable(s.values.get("tag-subject")).map(v -> unquote(v)),
                text(s, "reason"),
                bool(s, "monitor").orElse(false));
        String onError = text(s, "on-error").orElse("hold");
        if (!onError.equals("hold") && !onError.equals("pass")) {
            throw error(s, s.lines.get("on-error"), "on-error", "expected hold (fail closed) or pass (fail open)");
        }
        if (s.values.containsKey("learned-only") && !s.values.containsKey("finding")) {
            throw error(s, s.lines.get("learned-only"), "learned-only", "needs a 'finding' line: it says which findings must come from the learned reader");
        }
        return new Rule(s.name, findings(s), bool(s, "learned-only"), bool(s, "customer-in-recipients"), bool(s, "internal-only-to"),
                bool(s, "customer-copied"), senders(s, "sender", groups), senders(s, "unless-sender", groups),
                list(s, "recipient-domain").stream().map(d -> d.startsWith("@") ? d.substring(1) : d)
                        .map(d -> d.toLowerCase(Locale.ROOT)).toList(),
                value(s, "from", LocalDate::parse), value(s, "until", LocalDate::parse), onError.equals("pass"),
                verdict, terms);
    }

    private List<Rule.FindingMatch> findings(Section s) {
        List<Rule.FindingMatch> out = new ArrayList<>();
        for (String entry : list(s, "finding")) {
            String[] parts = entry.split(">=");
            try {
                out.add(new Rule.FindingMatch(parts[0].strip().toLowerCase(Locale.ROOT),
                        parts.length == 2 ? Double.parseDouble(parts[1].strip()) : Double.NaN));
            } catch (NumberFormatException e) {
                throw error(s, s.lines.get("finding"), "finding", "expected 'detector >= score', got '" + entry + "'");
            }
            if (parts.length > 2) {
                throw error(s, s.lines.get("finding"), "finding", "expected 'detector >= score', got '" + entry + "'");
            }
        }
        return List.copyOf(out);
    }

    private AddressSet senders(Section s, String key, Map<String, List<String>> groups) {
        List<String> out = new ArrayList<>();
        for (String entry : list(s, key)) {
            if (entry.startsWith("group:")) {
                List<String> members = groups.get(entry.substring("group:".length()));
                if (members == null) {
                    throw error(s, s.lines.get(key), key, "no [group " + entry.substring(6) + "] in the file");
                }
                out.addAll(members);
            } else {
                out.add(entry);
            }
        }
        return new AddressSet(out);
    }

    private List<Section> sections(String text) {
        List<Section> out = new ArrayList<>();
        Section current = null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int n = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String[] head = line.substring(1, line.length() - 1).strip().split("\\s+", 2);
                String kind = head[0].toLowerCase(Locale.ROOT);
                String name = head.length > 1 ? head[1].strip() : "";
                boolean named = kind.equals("rule") || kind.equals("group");
                if (!Set.of("policy", "rule", "group").contains(kind) || named == name.isEmpty()) {
                    throw new PolicyException(source + ":" + n + ": expected [policy], [rule NAME] or [group NAME]");
                }
                current = new Section(kind, name, n, new LinkedHashMap<>(), new HashMap<>());
                out.add(current);
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq <= 0) {
                throw new PolicyException(source + ":" + n + ": expected 'key = value' inside a [section]");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (current.values.put(key, line.substring(eq + 1).strip()) != null) {
                throw new PolicyException(source + ":" + n + ": " + key + " is given twice");
            }
            current.lines.put(key, n);
        }
        return out;
    }

    private void allowOnly(Section s, Set<String> keys) {
        for (String key : s.values.keySet()) {
            if (!keys.contains(key)) {
                throw error(s, s.lines.get(key), key, "unknown key in [" + s.kind + "]; known: " + keys.stream().sorted().toList());
            }
        }
    }

    private <T> Optional<T> value(Section s, String key, java.util.function.Function<String, T> parse) {
        Optional<String> raw = text(s, key);
        try {
            return raw.map(parse);
        } catch (RuntimeException e) {
            throw error(s, s.lines.get(key), key, "invalid value '" + raw.get() + "': " + e.getMessage());
        }
    }

    private <E extends Enum<E>> Optional<E> enumValue(Section s, String key, Class<E> type) {
        return value(s, key, v -> Choice.of(type, v));
    }

    private Optional<Boolean> bool(Section s, String key) {
        return value(s, key, v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(v);
        });
    }

    private static Optional<String> text(Section s, String key) {
        return Optional.ofNullable(s.values.get(key)).filter(v -> !v.isBlank());
    }

    private static List<String> list(Section s, String key) {
        return text(s, key).map(v -> List.of(v.split(","))).orElse(List.of()).stream()
                .map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** A subject prefix may be quoted to keep its trailing space: {@code "[External] "}. */
    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private PolicyException error(Section s, int line, String key, String problem) {
        String where = s.kind + (s.name.isEmpty() ? "" : " " + s.name);
        return new PolicyException(source + ":" + line + ": [" + where + "] " + key + ": " + problem);
    }
}
