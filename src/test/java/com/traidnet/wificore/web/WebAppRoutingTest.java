package com.traidnet.wificore.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebAppRoutingTest {

    @Test
    void appRoutesAreThoseTheServerDoesNotOwn() {
        assertThat(HistoryFallbackResolver.isAppRoute("")).isTrue();
        assertThat(HistoryFallbackResolver.isAppRoute("subscribers/42")).isTrue();
        assertThat(HistoryFallbackResolver.isAppRoute("platform/tenants")).isTrue();
        assertThat(HistoryFallbackResolver.isAppRoute("api/nope")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("api")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("portal/acme")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("sim/daraja/x")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("health")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("assets/x")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("favicon.ico")).isFalse();
        assertThat(HistoryFallbackResolver.isAppRoute("apiary")).isTrue();
    }

    @Test
    void brotliMovesFirstUnlessRefused() {
        assertThat(BrotliFirst.brotliFirst("gzip, deflate, br, zstd")).isEqualTo("br, gzip, deflate, zstd");
        assertThat(BrotliFirst.brotliFirst("gzip")).isEqualTo("gzip");
        assertThat(BrotliFirst.brotliFirst("gzip, br;q=0")).isEqualTo("gzip, br;q=0");
        assertThat(BrotliFirst.brotliFirst(null)).isNull();
    }
}
