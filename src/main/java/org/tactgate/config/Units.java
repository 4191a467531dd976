package org.tactgate.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The value syntaxes settings share: durations, sizes, whole numbers and booleans. Each error says
 * what would be accepted, since it ends up in front of an admin as the reason a start was refused.
 */
public final class Units {
    private static final String DURATION = "expected a number with ms, s, m, h or d, e.g. 30s or 5m";
    private static final String SIZE = "expected a number of bytes with K, M or G, e.g. 512K or 25M";

    private Units() {
    }

    /** {@code 30s}, {@code 5m}, {@code 2h}, {@code 5d}, {@code 250ms}; a bare number is seconds. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(number(t.substring(0, t.length() - 2), DURATION));
        }
        char unit = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        long n = number(Character.isDigit(unit) ? t : t.substring(0, t.length() - 1), DURATION);
        if (n < 0) {
            throw new IllegalArgumentException("negative duration; " + DURATION);
        }
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> {
                if (Character.isDigit(unit)) {
                    yield Duration.ofSeconds(n);
                }
                throw new IllegalArgumentException("unit must be ms, s, m, h or d");
            }
        };
    }

    /** {@code 25M}, {@code 512k}, {@code 1G}, with an optional trailing {@code B}; a bare number is bytes. */
    public static long parseSize(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        long factor = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        long n = number(factor == 1 ? t.replaceAll("B$", "") : t.substring(0, t.length() - 1), SIZE);
        if (n <= 0) {
            throw new IllegalArgumentException("must be positive; " + SIZE);
        }
        return n * factor;
    }

    static int parseInt(String text) {
        long n = number(text, "expected a whole number");
        if (n != (int) n) {
            throw new IllegalArgumentException("too large; expected a whole number");
        }
        return (int) n;
    }

    static double parseDecimal(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number such as 0.5");
        }
    }

    static boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false (or yes/no, on/off)");
        };
    }

    private static long number(String text, String accepted) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(accepted);
        }
    }
}
