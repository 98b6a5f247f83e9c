package com.traidnet.wificore.billing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StkCallbackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void parsesASuccessfulCallbackWithItsMetadata() {
        var cb = StkCallback.parse(json("""
                {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"ws_CO_191220191020363925",
                 "ResultCode":0,"ResultDesc":"The service request is processed successfully.",
                 "CallbackMetadata":{"Item":[{"Name":"Amount","Value":1.00},{"Name":"MpesaReceiptNumber","Value":"NLJ7RT61SV"},
                  {"Name":"Balance"},{"Name":"TransactionDate","Value":20191219102115},{"Name":"PhoneNumber","Value":254708374149}]}}}}"""));
        assertThat(cb.paid()).isTrue();
        assertThat(cb.checkoutRequestId()).isEqualTo("ws_CO_191220191020363925");
        assertThat(cb.merchantRequestId()).isEqualTo("29115-34620561-1");
        assertThat(cb.amount()).isEqualByComparingTo(new BigDecimal("1"));
        assertThat(cb.receipt()).isEqualTo("NLJ7RT61SV");
        assertThat(cb.transactionDate()).isEqualTo("20191219102115");
        assertThat(cb.phone()).isEqualTo("254708374149");
    }

    @Test
    void aFailureHasNoMetadata() {
        var cb = StkCallback.parse(json("""
                {"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"c","ResultCode":1032,
                 "ResultDesc":"Request cancelled by user"}}}"""));
        assertThat(cb.paid()).isFalse();
        assertThat(cb.resultCode()).isEqualTo(1032);
        assertThat(cb.amount()).isNull();
        assertThat(cb.receipt()).isNull();
    }

    @Test
    void successWithoutMetadataParsesWithoutAnAmount() {
        var cb = StkCallback.parse(json("""
                {"Body":{"stkCallback":{"CheckoutRequestID":"c","ResultCode":"0","ResultDesc":"ok"}}}"""));
        assertThat(cb.paid()).isTrue();
        assertThat(cb.amount()).isNull(); // settlement turns this into an unmatched payment
    }

    @Test
    void malformedBodiesAreRefused() {
        assertThatThrownBy(() -> StkCallback.parse(json("{\"Body\":{}}")))
                .isInstanceOf(StkCallback.MalformedCallbackException.class);
        assertThatThrownBy(() -> StkCallback.parse(json("[1,2]")))
                .isInstanceOf(StkCallback.MalformedCallbackException.class);
        assertThatThrownBy(() -> StkCallback.parse(json("{\"Body\":{\"stkCallback\":{\"ResultCode\":0}}}")))
                .hasMessageContaining("CheckoutRequestID");
        assertThatThrownBy(() -> StkCallback.parse(json("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\","
                + "\"ResultCode\":\"zero\"}}}"))).hasMessageContaining("ResultCode");
        assertThatThrownBy(() -> StkCallback.parse(json("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"c\","
                + "\"ResultCode\":0,\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":\"ten\"}]}}}}")))
                .hasMessageContaining("Amount");
    }

    @Test
    void phoneNumbersAreNormalisedForDaraja() {
        assertThat(Payments.msisdn("0712 345 678")).isEqualTo("254712345678");
        assertThat(Payments.msisdn("+254112345678")).isEqualTo("254112345678");
        assertThatThrownBy(() -> Payments.msisdn("12345")).hasMessageContaining("phone");
    }
}
