package org.tactgate.web;

/** A sentence that held mail which people then sent anyway or released, and how often. */
public record OverriddenSentence(String detector, String evidence, long times) {
}
