package org.tactgate.policy;

import java.util.List;
import org.tactgate.message.Finding;

/**
 * What the rules look at for one message: its findings, sender and recipients, and the exposure
 * facts the directory gives about them.
 *
 * @param customerInRecipients a customer is among the envelope recipients (To, Cc or Bcc)
 * @param internalOnlyTo       every To address is internal
 * @param customerCopied       To is internal only and a customer is on Cc or Bcc
 * @param detectorError        a detector failed or timed out on this message
 */
record Facts(List<Finding> findings, String sender, List<String> recipients, boolean customerInRecipients,
             boolean internalOnlyTo, boolean customerCopied, boolean detectorError) {
}
