package com.traidnet.wificore.radius.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known-good values for "hunter2" computed independently (Python hashlib/base64; NT hash with OpenSSL MD4). */
class PasswordCheckTest {

    static final byte[] HUNTER2 = "hunter2".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Cleartext-Password  | hunter2
            NT-Password         | 6608e4bc7b2b7a5f77ce3573570775af
            MD5-Password        | 2ab96390c7dbe3439de74d0c9b0b1767
            SHA2-Password       | f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7
            SHA2-Password       | a5ftaNFOs/GqlZzl1Jx9xhLh6x2v1zsecFhHSD/WpsgJ8s606N9v+ZhMYpj/AoXKzmYUv42qnwBwEBtsiYmeIg==
            SHA2-256-Password   | f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7
            SSHA2-256-Password  | Vhu8LqfJ2/zIhzwkUsZvtt9IZcs83ph/kUxVVvBJuP5OYUNsMTIzNA==
            SSHA2-256-Password  | 561bbc2ea7c9dbfcc8873c2452c66fb6df4865cb3cde987f914c5556f049b8fe4e61436c31323334
            SSHA-Password       | ksrENEF0SMUHzJCuzSPJox4tIq14eQ==
            ssha2-256-password  | Vhu8LqfJ2/zIhzwkUsZvtt9IZcs83ph/kUxVVvBJuP5OYUNsMTIzNA==
            """)
    void acceptsTheRightPassword(String attribute, String knownGood) {
        assertThat(PasswordCheck.supports(attribute)).isTrue();
        assertThat(PasswordCheck.matches(attribute, knownGood, HUNTER2)).isTrue();
        assertThat(PasswordCheck.matches(attribute, knownGood, "hunter3".getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            NT-Password         | 6608e4bc7b2b7a5f
            SHA2-Password       | abcdef
            SSHA2-256-Password  | f52fbd32b2b3b86ff88ef6c490628285f482af15ddcb29541f94bcf526a3f6c7
            MD5-Password        | not a hash at all
            """)
    void neverMatchesAMalformedKnownGoodValue(String attribute, String knownGood) {
        assertThat(PasswordCheck.matches(attribute, knownGood, HUNTER2)).isFalse();
    }

    @Test
    void ntPasswordHashComesFromCleartextOrNtPassword() {
        byte[] rfc2759 = HexFormat.of().parseHex("44EBBA8D5312B8D611474411F56989AE");

        assertThat(PasswordCheck.ntPasswordHash("Cleartext-Password", "clientPass")).contains(rfc2759);
        assertThat(PasswordCheck.ntPasswordHash("NT-Password", "44EBBA8D5312B8D611474411F56989AE")).contains(rfc2759);
        assertThat(PasswordCheck.ntPasswordHash("SSHA2-256-Password", "whatever")).isEmpty();
        assertThat(PasswordCheck.ntPasswordHash("NT-Password", "short")).isEmpty();
    }

    @Test
    void ntPasswordCheckUsesTheRfc2759Hash() {
        assertThat(PasswordCheck.matches("NT-Password", "44EBBA8D5312B8D611474411F56989AE",
                "clientPass".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void cleartextIsOnlyAvailableFromCleartextPassword() {
        assertThat(PasswordCheck.cleartext("Cleartext-Password", "hunter2")).contains(HUNTER2);
        assertThat(PasswordCheck.cleartext("NT-Password", "6608e4bc7b2b7a5f77ce3573570775af")).isEmpty();
    }

    @Test
    void refusesUnknownSchemes() {
        assertThat(PasswordCheck.supports("Crypt-Password")).isFalse();
        assertThatThrownBy(() -> PasswordCheck.matches("Crypt-Password", "x", HUNTER2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
