package com.traidnet.wificore.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default: no provider configured, so the message is only logged (one-machine installs, tests). */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public void send(String to, String message) {
        // messages carry credentials: the text only at DEBUG, so production logs do not collect passwords
        log.info("SMS to {} ({} characters) not sent: no provider (set WIFICORE_SMS_PROVIDER)", to, message.length());
        log.debug("SMS to {}: {}", to, message);
    }
}
