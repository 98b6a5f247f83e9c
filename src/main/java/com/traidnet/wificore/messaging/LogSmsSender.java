package com.traidnet.wificore.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: no provider configured, so the message is only logged (one-machine installs, tests). */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public void send(String to, String message) {
        log.info("SMS to {} (log only; set WIFICORE_SMS_PROVIDER to send): {}", to, message);
    }
}
