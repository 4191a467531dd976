package org.tactgate.relay;

import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.tactgate.inspect.MessageInspector;
import org.tactgate.policy.Policy;

/**
 * What a reload hands the running relay, every file already read and checked: the inspector over
 * the site's lexicons and customers, the policy of the rules file, and the STARTTLS identity when
 * the relay has one. {@link Relay#reload} swaps them in together or not at all.
 *
 * @param tls empty when {@code smtp.tls.certificate} is not set
 */
public record WorkingSet(MessageInspector inspector, Policy policy, Optional<SSLContext> tls) {
}
