package org.tactgate.web;

/** What one action did to one message, for the results page and the API. */
public record ActionOutcome(String id, boolean applied, String state, String message) {
}
