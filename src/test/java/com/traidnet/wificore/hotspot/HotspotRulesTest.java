package com.traidnet.wificore.hotspot;

import com.traidnet.wificore.platform.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure rules: rate-limit strings, phone numbers, codes, durations. */
class HotspotRulesTest {

    @Test
    void rateLimitIsUploadThenDownloadAsMikrotikReadsIt() {
        assertThat(new RateLimit(512, 2048, null).mikrotik()).isEqualTo("512k/2048k");
        assertThat(new RateLimit(512, 2048, new RateLimit.Burst(1024, 4096, 384, 1536, 8)).mikrotik())
                .isEqualTo("512k/2048k 1024k/4096k 384k/1536k 8/8");
    }

    @Test
    void phoneNumbersBecome254Form() {
        assertThat(PhoneNumbers.normalise("0712 345 678", "phone")).isEqualTo("254712345678");
        assertThat(PhoneNumbers.normalise("+254-712-345-678", "phone")).isEqualTo("254712345678");
        assertThat(PhoneNumbers.normalise("712345678", "phone")).isEqualTo("254712345678");
        assertThat(PhoneNumbers.normalise("0112345678", "phone")).isEqualTo("254112345678");
        assertThat(PhoneNumbers.normalise("254712345678", "phone")).isEqualTo("254712345678");
        assertThat(PhoneNumbers.normalise("+256772123456", "phone")).isEqualTo("256772123456");
        for (String bad : new String[]{"12345", "07123456789", "abc", "0812345678", "+2547123"}) {
            assertThatThrownBy(() -> PhoneNumbers.normalise(bad, "phone")).as(bad).isInstanceOf(ApiProblem.class)
                    .extracting(e -> ((ApiProblem) e).field()).isEqualTo("phone");
        }
    }

    @Test
    void voucherCodesUseOnlyTheUnambiguousAlphabet() {
        assertThat(Codes.VOUCHER_ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        var seen = new HashSet<String>();
        for (int i = 0; i < 2000; i++) {
            String code = Codes.voucher("HS", 8);
            assertThat(code).hasSize(10).startsWith("HS").matches("HS[" + Codes.VOUCHER_ALPHABET + "]{8}");
            seen.add(code);
        }
        assertThat(seen).hasSize(2000);
        assertThat(Codes.password()).matches("[" + Codes.PASSWORD_ALPHABET + "]{8}");
        assertThat(Codes.normaliseVoucher(" hs-abcd efgh ")).isEqualTo("HSABCDEFGH");
    }

    @Test
    void durationsAddCalendarMonthsAndExtendFromTheLaterOfNowAndExpiry() {
        Instant jan31 = Instant.parse("2024-01-31T10:00:00Z");
        assertThat(new Validity(1, Validity.Unit.MONTHS).addTo(jan31)).isEqualTo("2024-02-29T10:00:00Z");
        assertThat(new Validity(90, Validity.Unit.MINUTES).addTo(jan31)).isEqualTo("2024-01-31T11:30:00Z");
        assertThat(new Validity(2, Validity.Unit.DAYS).addTo(jan31)).isEqualTo("2024-02-02T10:00:00Z");
        var day = new Validity(1, Validity.Unit.DAYS);
        Instant now = Instant.parse("2024-03-01T00:00:00Z");
        assertThat(day.extend(Instant.parse("2024-03-05T00:00:00Z"), now)).isEqualTo("2024-03-06T00:00:00Z");
        assertThat(day.extend(Instant.parse("2024-02-01T00:00:00Z"), now)).isEqualTo("2024-03-02T00:00:00Z");
        assertThat(day.extend(null, now)).isEqualTo("2024-03-02T00:00:00Z");
        assertThat(new Validity(3, Validity.Unit.HOURS).text()).isEqualTo("3 hours");
        assertThat(day.text()).isEqualTo("1 day");
    }

    @Test
    void radiusRowsFollowTheSubscriber() {
        var terms = new Terms("Daily", new java.math.BigDecimal("50.00"), "KES", 1, "days", "512k/2048k", 2,
                1_000_000L, 300L);
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        var s = new Subscriber(null, "hotspot", "254712345678", "254712345678", null, "AA:BB:CC:DD:EE:FF", "active",
                null, Instant.parse("2030-01-02T00:00:00Z"), null, null, null, 0, terms, null, null);
        var rows = RadiusRows.derive(s, "pw123456", now);
        assertThat(rows.check()).extracting(r -> r.attribute() + " " + r.op() + " " + r.value()).containsExactly(
                "Cleartext-Password := pw123456", "Expiration := 2030-01-02T00:00:00Z", "Simultaneous-Use := 2",
                "Max-Total-Octets := 1000300", "Calling-Station-Id == AA:BB:CC:DD:EE:FF");
        assertThat(rows.reply()).extracting(RadiusRows.Row::value).containsExactly("512k/2048k");
        assertThat(RadiusRows.derive(s.withStatus("blocked"), "pw", now).check())
                .contains(new RadiusRows.Row("Auth-Type", ":=", "Reject"));
        assertThat(RadiusRows.derive(s, "pw", Instant.parse("2030-01-03T00:00:00Z")).check())
                .contains(new RadiusRows.Row("Auth-Type", ":=", "Reject"));
    }

    @Test
    void csvQuotesAndDefusesFormulas() {
        assertThat(Csv.line(java.util.Arrays.asList("a,b", "say \"hi\"", null, "=1+1")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",,'=1+1\r\n");
        assertThat(Csv.parse("x,y\r\n\"a,b\",\"c\"\"d\"\n\n1,2")).containsExactly(
                java.util.List.of("x", "y"), java.util.List.of("a,b", "c\"d"), java.util.List.of("1", "2"));
    }
}
