package com.traidnet.wificore.platform.db;

/** A backup or restore did not happen; the message is one line for the operator. */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
