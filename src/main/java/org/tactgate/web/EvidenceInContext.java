package org.tactgate.web;

/**
 * One finding as a reviewer reads it: the evidence with the text around it (empty when the
 * evidence was not found verbatim in the body, e.g. it came from a header).
 */
public record EvidenceInContext(String detector, String symbol, String score, String part, String reason,
                                String before, String evidence, String after) {
}
