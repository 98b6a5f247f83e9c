package com.traidnet.wificore.billing;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Daraja's STK push result, as POSTed to our CallBackURL:
 * {@code {"Body":{"stkCallback":{MerchantRequestID, CheckoutRequestID, ResultCode, ResultDesc,
 * CallbackMetadata:{Item:[{Name, Value}…]}}}}}. {@code CallbackMetadata} comes only with
 * ResultCode 0; its fields are null when it is missing (settlement then refuses to settle).
 */
record StkCallback(String merchantRequestId, String checkoutRequestId, int resultCode, String resultDesc,
                   BigDecimal amount, String receipt, String transactionDate, String phone) {

    boolean paid() {
        return resultCode == 0;
    }

    /** @throws MalformedCallbackException when the body is not an STK callback */
    static StkCallback parse(JsonNode body) {
        JsonNode cb = body == null ? null : body.path("Body").path("stkCallback");
        if (cb == null || !cb.isObject()) {
            throw new MalformedCallbackException("not an STK callback: Body.stkCallback is missing");
        }
        String checkout = text(cb, "CheckoutRequestID");
        if (checkout == null || checkout.isBlank()) {
            throw new MalformedCallbackException("Body.stkCallback.CheckoutRequestID is missing");
        }
        JsonNode code = cb.path("ResultCode");
        if (!code.isNumber() && !(code.isString() && code.asString().matches("\\d+"))) {
            throw new MalformedCallbackException("Body.stkCallback.ResultCode is missing or not a number");
        }
        BigDecimal amount = null;
        String receipt = null;
        String date = null;
        String phone = null;
        for (JsonNode item : cb.path("CallbackMetadata").path("Item")) {
            JsonNode value = item.path("Value");
            if (value.isMissingNode() || value.isNull()) {
                continue; // Daraja sends {"Name":"Balance"} without a value
            }
            switch (item.path("Name").asString("")) {
                case "Amount" -> amount = amount(value);
                case "MpesaReceiptNumber" -> receipt = value.asString();
                case "TransactionDate" -> date = value.isNumber() ? value.bigIntegerValue().toString() : value.asString();
                case "PhoneNumber" -> phone = value.isNumber() ? value.bigIntegerValue().toString() : value.asString();
                default -> {
                }
            }
        }
        return new StkCallback(text(cb, "MerchantRequestID"), checkout, Integer.parseInt(code.asString()),
                text(cb, "ResultDesc"), amount, receipt, date, phone);
    }

    private static BigDecimal amount(JsonNode value) {
        try {
            return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asString().trim());
        } catch (NumberFormatException e) {
            throw new MalformedCallbackException("CallbackMetadata Amount is not a number: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asString();
    }

    /** The body is JSON but not what Daraja sends: answered 400, nothing recorded against a payment. */
    static final class MalformedCallbackException extends RuntimeException {
        MalformedCallbackException(String message) {
            super(message, null, false, false);
        }
    }
}
