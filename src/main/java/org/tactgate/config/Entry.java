package org.tactgate.config;

/** One key as written in a settings file: its value before {@link Expansion} and the line it starts on. */
record Entry(String key, String value, int line) {
}
