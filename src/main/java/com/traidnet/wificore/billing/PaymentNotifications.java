package com.traidnet.wificore.billing;

import com.traidnet.wificore.messaging.TenantSms;
import com.traidnet.wificore.realtime.RealtimePublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * After a settlement commits — never inside it: {@code payment.completed} or
 * {@code payment.failed} on the tenant's {@code payments} topic, and the new credentials by SMS
 * when the fulfilment issued a password. Both are best-effort: the SMS goes out on its own
 * virtual thread, so a slow provider never delays the answer to Safaricom, and its failure is
 * logged (the receipt and credentials stay visible to staff in the ledger and subscriber).
 */
@Component
class PaymentNotifications {

    static final String TOPIC = "payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

    private final RealtimePublisher realtime;
    private final TenantSms sms;

    PaymentNotifications(RealtimePublisher realtime, TenantSms sms) {
        this.realtime = realtime;
        this.sms = sms;
    }

    @TransactionalEventListener
    void on(PaymentResolved e) {
        PaymentView p = e.payment();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", p.id().toString());
        data.put("status", p.status());
        data.put("method", p.method());
        data.put("purpose", p.purpose());
        data.put("reference", p.reference());
        data.put("phone", p.phone());
        data.put("mac", p.mac());
        data.put("amount", p.amount().toPlainString());
        data.put("currency", p.currency());
        data.put("receipt", p.receipt());
        data.put("resultDesc", p.resultDesc());
        if (e.provisioned() != null) {
            data.put("username", e.provisioned().username()); // never the password: channels are not a secret store
            data.put("expiresAt", String.valueOf(e.provisioned().expiresAt()));
        }
        realtime.publish(e.tenant(), TOPIC, "settled".equals(p.status()) ? "payment.completed" : "payment.failed", data);
        if (e.provisioned() != null && e.provisioned().password() != null && p.phone() != null) {
            String text = "Payment received (" + p.currency() + " " + p.amount().toPlainString()
                    + (p.receipt() != null ? ", " + p.receipt() : "") + "). Username: " + e.provisioned().username()
                    + " Password: " + e.provisioned().password();
            Thread.ofVirtual().name("sms-" + p.id()).start(() -> send(e, p.phone(), text, p));
        }
    }

    private void send(PaymentResolved e, String phone, String text, PaymentView p) {
        try {
            sms.send(e.tenant(), phone, text);
        } catch (RuntimeException ex) {
            log.warn("payment {}: credentials SMS to {} failed: {}", p.id(), phone, ex.getMessage());
        }
    }
}
