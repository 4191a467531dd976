package org.tactgate.smtp;

import java.util.Optional;

/**
 * The text after DATA as read by {@link DataReader}.
 *
 * @param content the message bytes (CRLF line ends, dots unstuffed); empty when there is a fault
 * @param size    how many content bytes the client sent, counted even past the limit
 * @param fault   why the message must be refused, if it must
 */
record ReceivedData(byte[] content, long size, Optional<DataFault> fault) {
}
