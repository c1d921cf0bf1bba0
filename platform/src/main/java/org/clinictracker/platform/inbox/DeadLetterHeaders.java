package org.clinictracker.platform.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.ExceptionHeadersCreator;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;

/**
 * What a parked record says about why it was parked: the class of the root cause and, for a
 * {@link MalformedEvent}, its message (which names a field, never a value). No stack trace and no other
 * exception's message: a database's or a parser's message may quote the patient data it choked on, and
 * a stack trace is no help to whoever replays the record.
 */
public final class DeadLetterHeaders implements ExceptionHeadersCreator {

    @Override
    public void create(Headers headers, Exception exception, boolean isKey, HeaderNames names) {
        Throwable root = rootCause(exception);
        headers.add(isKey ? names.getExceptionInfo().getKeyExceptionFqcn() : names.getExceptionInfo().getExceptionFqcn(),
                bytes(root.getClass().getName()));
        if (root instanceof MalformedEvent malformed) {
            headers.add(isKey ? names.getExceptionInfo().getKeyExceptionMessage()
                    : names.getExceptionInfo().getExceptionMessage(), bytes(malformed.getMessage()));
        }
    }

    static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
