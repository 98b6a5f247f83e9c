package com.traidnet.wificore.radius.authorize;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlAttributesTest {

    @Test
    void knowsControlAndPasswordAttributesCaseInsensitively() {
        assertThat(ControlAttributes.isControl("simultaneous-use")).isTrue();
        assertThat(ControlAttributes.isControl("Max-Total-Octets")).isTrue();
        assertThat(ControlAttributes.isControl("Calling-Station-Id")).as("a wire attribute").isFalse();
        assertThat(ControlAttributes.isControl(null)).isFalse();
        assertThat(ControlAttributes.isPassword("cleartext-password")).isTrue();
        assertThat(ControlAttributes.isPassword("SSHA2-256-Password")).isTrue();
        assertThat(ControlAttributes.isPassword("Crypt-Password")).isFalse();
        assertThat(ControlAttributes.isPassword("Auth-Type")).isFalse();
        assertThat(ControlAttributes.canonicalName("nt-PASSWORD")).contains("NT-Password");
    }

    @Test
    void acceptsOnlyFreeRadiusOperators() {
        for (String op : new String[]{"=", ":=", "==", "+=", "!=", ">", ">=", "<", "<=", "=~", "!~"}) {
            assertThat(ControlAttributes.isOperator(op)).as(op).isTrue();
        }
        for (String op : new String[]{"~=", "=*", "!*", "", " =", "===", null}) {
            assertThat(ControlAttributes.isOperator(op)).as(String.valueOf(op)).isFalse();
        }
    }

    @Test
    void readsExpirationInEpochIsoAndFreeRadiusForms() {
        Instant end = Instant.parse("2030-01-31T23:59:59Z");
        assertThat(ControlAttributes.expiration("1896134399")).isEqualTo(end);
        assertThat(ControlAttributes.expiration("2030-01-31T23:59:59Z")).isEqualTo(end);
        assertThat(ControlAttributes.expiration("2030-01-31T23:59:59")).isEqualTo(end);
        assertThat(ControlAttributes.expiration("Jan 31 2030 23:59:59")).isEqualTo(end);
        assertThat(ControlAttributes.expiration("jan  31 2030 23:59:59")).isEqualTo(end);
        assertThat(ControlAttributes.expiration("Jan 31 2030")).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
        assertThat(ControlAttributes.expiration("2030-01-31")).isEqualTo(Instant.parse("2030-01-31T00:00:00Z"));
        assertThatThrownBy(() -> ControlAttributes.expiration("next tuesday"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlAttributes.expiration("Feb 30 2030"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
