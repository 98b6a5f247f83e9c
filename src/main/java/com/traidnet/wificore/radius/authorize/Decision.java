package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.packet.Attribute;

import java.util.List;

/** The answer to an Access-Request, with the reason that goes to radpostauth. */
sealed interface Decision {

    Reason reason();

    List<Attribute> attributes();

    record Accept(List<Attribute> attributes) implements Decision {
        @Override
        public Reason reason() {
            return Reason.ACCEPTED;
        }
    }

    record Reject(Reason reason, String detail, List<Attribute> attributes) implements Decision {
    }
}
