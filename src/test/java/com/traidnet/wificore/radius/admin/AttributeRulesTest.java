package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.platform.ApiProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AttributeRulesTest {

    @Test
    void fillsDefaultOperatorsAndCanonicalNames() {
        assertThat(AttributeRules.check(List.of(new AttributeRow("max-all-session", null, "3600"),
                new AttributeRow("nas-ip-address", "", "10.0.0.1")), "check")).containsExactly(
                new AttributeRow("Max-All-Session", ":=", "3600"), new AttributeRow("NAS-IP-Address", "==", "10.0.0.1"));
        assertThat(AttributeRules.reply(List.of(new AttributeRow("mikrotik-rate-limit", null, "1M/1M")), "reply"))
                .containsExactly(new AttributeRow("Mikrotik-Rate-Limit", "=", "1M/1M"));
        assertThat(AttributeRules.check(null, "check")).isEmpty();
    }

    @Test
    void typedValuesMustParseUnlessTheOperatorIsARegex() {
        assertThat(field(() -> AttributeRules.check(List.of(new AttributeRow("NAS-Port", ">=", "x")), "check")))
                .isEqualTo("check[0].value");
        assertThat(AttributeRules.check(List.of(new AttributeRow("NAS-Port", "=~", "^1[0-9]$")), "check"))
                .hasSize(1);
        assertThat(AttributeRules.check(List.of(new AttributeRow("Service-Type", "==", "Framed-User")), "check"))
                .hasSize(1);
        assertThat(field(() -> AttributeRules.check(List.of(new AttributeRow("Simultaneous-Use", null, "-1")),
                "check"))).isEqualTo("check[0].value");
        assertThat(field(() -> AttributeRules.check(List.of(new AttributeRow("Max-All-Session", null,
                "4294967296")), "check"))).isEqualTo("check[0].value");
        assertThat(field(() -> AttributeRules.check(List.of(new AttributeRow("Auth-Type", null, "Maybe")),
                "check"))).isEqualTo("check[0].value");
    }

    @Test
    void passwordsHaveTheShapeOfTheirType() {
        assertThat(ControlValues.password(null, "pw")).isEqualTo(new AttributeRow("Cleartext-Password", ":=", "pw"));
        assertThat(ControlValues.password("sha2-256-password", "ab".repeat(32)).attribute())
                .isEqualTo("SHA2-256-Password");
        assertThat(ControlValues.password("SSHA2-256-Password", "q".repeat(44)).attribute())
                .as("base64 of 33 octets").isEqualTo("SSHA2-256-Password");
        assertThat(field(() -> ControlValues.password("SSHA2-256-Password", "ab".repeat(32))))
                .as("a digest without salt").isEqualTo("password");
        assertThat(field(() -> ControlValues.password("NT-Password", "ab".repeat(15)))).isEqualTo("password");
        assertThat(field(() -> ControlValues.password("MD5-Password", "x"))).isEqualTo("passwordType");
        assertThat(field(() -> ControlValues.password(null, "é".repeat(65)))).as("130 octets").isEqualTo("password");
    }

    @Test
    void namesRejectControlCharacters() {
        assertThat(AttributeRules.name("user@realm ü", "username")).isEqualTo("user@realm ü");
        assertThat(field(() -> AttributeRules.name("a\tb", "username"))).isEqualTo("username");
        assertThat(field(() -> AttributeRules.name("a\u0085b", "username"))).isEqualTo("username");
    }

    private static String field(Runnable action) {
        return catchThrowableOfType(ApiProblem.class, action::run).field();
    }
}
