package org.tactgate.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.tactgate.store.AuditEntry;
import org.tactgate.message.MessageId;

/** An audit entry as pages, CSV and JSON show it: every field a string, time in UTC. */
public record AuditRow(String at, String message, String actor, String from, String action, String detail) {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    static AuditRow of(AuditEntry e) {
        return new AuditRow(TIME.format(e.at()), e.message().map(MessageId::value).orElse(""), e.actor(), e.from(),
                e.action(), e.detail());
    }
}
