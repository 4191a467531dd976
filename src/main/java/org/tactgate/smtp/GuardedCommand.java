package org.tactgate.smtp;

import java.io.IOException;
import java.util.function.Predicate;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.internal.server.Command;
import org.subethamail.smtp.internal.server.CommandException;
import org.subethamail.smtp.internal.server.HelpMessage;
import org.subethamail.smtp.server.Session;

/**
 * One of SubEthaSMTP's commands behind a precondition: when {@code refuse} holds for the session,
 * the client gets {@code reply} and the command does not run. Used for "MAIL needs STARTTLS first"
 * and "AUTH needs STARTTLS first" (SubEthaSMTP's own wrappers reply without enhanced codes and
 * cannot tell AUTH apart from MAIL).
 */
final class GuardedCommand implements Command {
    private final Command wrapped;
    private final Predicate<Session> refuse;
    private final String reply;

    GuardedCommand(Command wrapped, Predicate<Session> refuse, String reply) {
        this.wrapped = wrapped;
        this.refuse = refuse;
        this.reply = reply;
    }

    @Override
    public void execute(String commandString, Session session) throws IOException, DropConnectionException {
        if (refuse.test(session)) {
            session.sendResponse(reply);
            return;
        }
        wrapped.execute(commandString, session);
    }

    @Override
    public HelpMessage getHelp() throws CommandException {
        return wrapped.getHelp();
    }

    @Override
    public String getName() {
        return wrapped.getName();
    }
}
