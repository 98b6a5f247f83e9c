package com.traidnet.wificore.billing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class StkPasswordTest {

    @Test
    void passwordIsBase64OfShortcodePasskeyTimestamp() {
        // Daraja's sandbox example: shortcode 174379 with its published test passkey
        String passkey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
        String password = StkPassword.password("174379", passkey, "20160216165627");
        assertThat(new String(Base64.getDecoder().decode(password), StandardCharsets.UTF_8))
                .isEqualTo("174379" + passkey + "20160216165627");
        assertThat(password).startsWith("MTc0Mzc5YmZiMjc5ZjlhYTli");
    }

    @Test
    void timestampIsEastAfricaTimeNotUtc() {
        // 21:30 UTC is 00:30 the next day in Nairobi (UTC+3, no daylight saving)
        assertThat(StkPassword.timestamp(Instant.parse("2024-12-31T21:30:05Z"))).isEqualTo("20250101003005");
    }
}
