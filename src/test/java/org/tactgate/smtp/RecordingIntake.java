package org.tactgate.smtp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.tactgate.message.Envelope;
import org.tactgate.message.MessageId;

/**
 * A test {@link Intake} that records what it receives and answers with a fresh id, or with the
 * failure set by {@link #failWith}.
 */
final class RecordingIntake implements Intake {

    record Received(MessageId id, Envelope envelope, byte[] content) {
        String text() {
            return new String(content, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** What the next calls do instead of accepting. */
    interface Failure {
        MessageId fail() throws IntakeException;
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>();

    @Override
    public MessageId receive(Envelope envelope, byte[] content) throws IntakeException {
        Failure f = failure.get();
        if (f != null) {
            return f.fail();
        }
        MessageId id = MessageId.next();
        received.add(new Received(id, envelope, content));
        return id;
    }

    void failWith(Failure f) {
        failure.set(f);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    Received only() {
        org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
        return received.get(0);
    }
}
