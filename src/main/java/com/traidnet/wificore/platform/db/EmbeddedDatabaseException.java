package com.traidnet.wificore.platform.db;

/** The embedded database could not start; the message is a one-line explanation for the operator. */
public final class EmbeddedDatabaseException extends RuntimeException {
    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
