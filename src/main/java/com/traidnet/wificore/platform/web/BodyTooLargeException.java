package com.traidnet.wificore.platform.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
        super("request body exceeds the limit of " + limit + " bytes");
    }
}
