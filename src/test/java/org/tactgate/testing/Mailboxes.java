package org.tactgate.testing;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

/**
 * What GreenMail received for one envelope recipient. GreenMail files each copy by envelope
 * recipient (not by header), so this is how end-to-end tests see Bcc and envelope-only delivery.
 */
public final class Mailboxes {
    private Mailboxes() {
    }

    /** The messages in {@code address}'s inbox, oldest first; empty when nothing was delivered to it. */
    public static List<MimeMessage> of(GreenMailOperations mail, String address) {
        var user = mail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return List.of();
        }
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                    .map(stored -> (MimeMessage) stored.getMimeMessage()).toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the GreenMail inbox of " + address, e);
        }
    }
}
