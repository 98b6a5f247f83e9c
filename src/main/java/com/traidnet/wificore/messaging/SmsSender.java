package com.traidnet.wificore.messaging;

/**
 * Sends one text message. Callers send after their transaction commits and treat a failure
 * as best-effort (log it, maybe retry as a job): an SMS provider outage must never undo a
 * payment or a sign-up.
 */
public interface SmsSender {

    /**
     * @param to      MSISDN in international form, e.g. {@code 254712345678} or {@code +254712345678}
     * @param message the text; providers split long ones
     * @throws SmsFailedException when the provider refused the message or could not be reached
     */
    void send(String to, String message);

    /** The provider refused the message or could not be reached. */
    final class SmsFailedException extends RuntimeException {
        public SmsFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
