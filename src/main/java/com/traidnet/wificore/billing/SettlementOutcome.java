package com.traidnet.wificore.billing;

/** How one settlement attempt ended; every branch has been written to the ledger. */
sealed interface SettlementOutcome {

    PaymentView payment();

    /** Paid, and the fulfilment provisioned what it buys. */
    record Settled(PaymentView payment, FulfilmentResult.Provisioned provisioned) implements SettlementOutcome {
    }

    /** Money and payment disagree (amount, receipt, request ids) or the fulfilment refused: recorded, nothing provisioned. */
    record Unmatched(PaymentView payment, String reason) implements SettlementOutcome {
    }

    /** The provider declined: no money moved. */
    record Failed(PaymentView payment) implements SettlementOutcome {
    }

    /** The payment was already final: a retry, a replay or a late callback. Recorded, nothing changed. */
    record Duplicate(PaymentView payment) implements SettlementOutcome {
    }
}
