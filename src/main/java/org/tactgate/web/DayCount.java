package org.tactgate.web;

/** One day on the dashboard: messages in, how many were held or quarantined, and what people released or bounced. */
public record DayCount(String day, long in, long held, long quarantined, long released, long bounced) {
}
