package com.traidnet.wificore.billing;

/**
 * A tenant's Daraja app with its secrets opened — lives only in memory, for one call.
 *
 * @param shortcode       paybill number, or the till's store number (used as PartyB too: a till whose
 *                        store number differs is not supported yet, see docs/payments.md)
 * @param paybill         paybill ({@code CustomerPayBillOnline}) or till ({@code CustomerBuyGoodsOnline})
 * @param callbackBaseUrl where Safaricom reaches us (https in production); null = the platform's own URL
 */
record MpesaApp(String shortcode, boolean paybill, String passkey, String consumerKey, String consumerSecret,
                MpesaEnvironment environment, String callbackBaseUrl) {

    String transactionType() {
        return paybill ? "CustomerPayBillOnline" : "CustomerBuyGoodsOnline";
    }

    @Override
    public String toString() {
        return "MpesaApp[" + shortcode + ", " + environment.id() + "]"; // never the secrets
    }
}
