package org.tactgate.smtp;

import java.io.IOException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * DATA: reads the message with {@link DataReader} (strict terminator, bare CR/LF detection, size
 * bound) and hands it to the session's {@link IntakeTransaction}, whose answer is the reply.
 * Replaces SubEthaSMTP's DataCommand, which ends on the same strict terminator but passes bare
 * CR/LF through, does not unstuff a dot on the very first line, and leaves size limits to the
 * handler.
 */
final class DataCommand implements Command {
    private final DataReader reader;

    DataCommand(long maxMessageSize) {
        this.reader = new DataReader(maxMessageSize);
    }

    @Override
    public void execute(String commandString, Session session) throws IOException {
        if (!session.isMailTransactionInProgress()) {
            session.sendResponse("503 5.5.1 Error: need MAIL command");
            return;
        }
        if (session.getRecipientCount() == 0) {
            session.sendResponse("503 5.5.1 Error: need RCPT command");
            return;
        }
        session.sendResponse("354 End data with <CR><LF>.<CR><LF>");
        ReceivedData data = reader.read(session.getRawInput());
        // IntakeServer's handler factory only ever makes IntakeTransactions.
        IntakeTransaction transaction = (IntakeTransaction) session.getMessageHandler();
        String reply = transaction.complete(data);
        session.sendResponse(reply);
        session.resetMailTransaction();
    }

    @Override
    public HelpMessage getHelp() {
        return new HelpMessage("DATA", "Following text is collected as the message.\nEnd data with <CR><LF>.<CR><LF>");
    }

    @Override
    public String getName() {
        return "DATA";
    }
}
