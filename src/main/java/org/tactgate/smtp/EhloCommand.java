package org.tactgate.smtp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.internal.server.BaseCommand;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * EHLO with the extensions this server really offers. Replaces SubEthaSMTP's own, which always
 * advertises CHUNKING (we refuse BDAT, see {@link IntakeServer}) and never PIPELINING (which
 * its reader supports: commands are read one line at a time off a shared buffered stream).
 * ENHANCEDSTATUSCODES is not advertised: several replies built inside SubEthaSMTP (unknown command,
 * {@code 250 Ok} to MAIL/RCPT/RSET, AUTH replies) carry no enhanced code.
 */
final class EhloCommand implements Command {
    private final String hostname;
    private final long maxMessageSize;
    private final boolean startTls;
    private final boolean auth;
    private final boolean authBeforeTls;

    EhloCommand(String hostname, long maxMessageSize, boolean startTls, boolean auth, boolean authBeforeTls) {
        this.hostname = hostname;
        this.maxMessageSize = maxMessageSize;
        this.startTls = startTls;
        this.auth = auth;
        this.authBeforeTls = authBeforeTls;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        String[] args = BaseCommand.getArgs(commandString);
        if (args.length < 2) {
            session.sendResponse("501 5.5.4 Syntax: EHLO hostname");
            return;
        }
        session.resetMailTransaction();
        session.setHelo(args[1]);
        List<String> lines = new ArrayList<>(List.of(hostname, "8BITMIME", "SIZE " + maxMessageSize, "PIPELINING", "SMTPUTF8"));
        if (startTls && !session.isTLSStarted()) {
            lines.add("STARTTLS");
        }
        if (auth && (session.isTLSStarted() || authBeforeTls)) {
            lines.add("AUTH PLAIN LOGIN");
        }
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            reply.append(i == lines.size() - 1 ? "250 " : "250-").append(lines.get(i));
            if (i < lines.size() - 1) {
                reply.append("\r\n");
            }
        }
        session.sendResponse(reply.toString());
    }

    @Override
    public HelpMessage getHelp() {
        return new HelpMessage("EHLO", "Introduce yourself.", "<hostname>");
    }

    @Override
    public String getName() {
        return "EHLO";
    }
}
