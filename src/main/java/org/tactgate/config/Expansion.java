package org.tactgate.config;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * {@code ${…}} in settings values: {@code ${env:NAME}} is the environment variable NAME,
 * {@code ${home}} the folder Tactgate is installed in ({@link TactgateHome}), and {@code $${} is a
 * literal {@code ${}. Anything else between {@code ${} and {@code }} is an error. The library's
 * own interpolation also read other keys, system properties and more, and left what it could not
 * resolve as it was, so a password containing {@code ${} was changed or not depending on its
 * text; an unset variable is an error too, so a missing secret is not sent as its own name.
 */
final class Expansion {
    private final UnaryOperator<String> env;
    private final Path home;

    Expansion(UnaryOperator<String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** Throws {@link IllegalArgumentException} saying what would be accepted. */
    String expand(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            if (value.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("'${' without a closing '}'; write $${ for a literal ${");
                }
                out.append(lookup(value.substring(i + 2, end)));
                i = end + 1;
            } else {
                out.append(value.charAt(i++));
            }
        }
        return out.toString();
    }

    private String lookup(String name) {
        if (name.equals("home")) {
            return home.toString();
        }
        if (name.startsWith("env:") && name.length() > 4) {
            String found = env.apply(name.substring(4));
            if (found == null) {
                throw new IllegalArgumentException("environment variable " + name.substring(4) + " is not set; set it, or write $${ for a literal ${");
            }
            return found;
        }
        throw new IllegalArgumentException("unknown expansion '${" + name + "}'; expected ${env:NAME} or ${home},"
                + " or $${ for a literal ${");
    }
}
