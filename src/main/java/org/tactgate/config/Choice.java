package org.tactgate.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A word from a fixed set, written in any case, read into an enum; an error lists the words accepted. */
public final class Choice {
    private Choice() {
    }

    /** Throws {@link IllegalArgumentException} "expected a, b or c" (the enum's constants, lower case). */
    public static <E extends Enum<E>> E of(Class<E> type, String text) {
        String wanted = text.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted.replace('-', '_'))) {
                return constant;
            }
        }
        throw new IllegalArgumentException("expected " + accepted(type));
    }

    static String accepted(Class<? extends Enum<?>> type) {
        String[] words = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new);
        return words.length == 1 ? words[0] : Arrays.stream(words, 0, words.length - 1)
                .collect(Collectors.joining(", ")) + " or " + words[words.length - 1];
    }
}
