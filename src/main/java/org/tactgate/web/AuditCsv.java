package org.tactgate.web;

import java.util.List;

/**
 * Audit rows as CSV (RFC 4180: comma-separated, CRLF, fields quoted when needed).
 *
 * <p>SECURITY: reasons and names are typed by people, some by senders; a cell that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed with {@code '}.
 */
final class AuditCsv {
    static final String HEADER = "time,message,actor,from,action,detail";

    private AuditCsv() {
    }

    static String write(List<AuditRow> rows) {
        StringBuilder b = new StringBuilder(HEADER).append("\r\n");
        for (AuditRow r : rows) {
            b.append(String.join(",", cell(r.at()), cell(r.message()), cell(r.actor()), cell(r.from()),
                    cell(r.action()), cell(r.detail()))).append("\r\n");
        }
        return b.toString();
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
