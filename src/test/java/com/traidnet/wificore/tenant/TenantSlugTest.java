package com.traidnet.wificore.tenant;

import com.traidnet.wificore.platform.ApiProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "acme_wifi", "a12", "kiosk2026", "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void acceptsSlugsThatMakeSafeSchemaNames(String slug) {
        assertThat(new TenantSlug(slug).schemaName()).isEqualTo("ts_" + slug);
        assertThat(TenantSlug.requireSchemaName("ts_" + slug)).isEqualTo("ts_" + slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "1abc", "_abc", "Abc", "ab-c", "ab c", "abc;drop", "ab\"c", "é_abc",
            "abcdefghijabcdefghijabcdefghijabcdefghijk"})
    void refusesAnythingElse(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).field()).isEqualTo("slug"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "public", "api", "platform", "postgres", "information_schema"})
    void refusesReservedNames(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"public", "ts_", "ts_Ab", "ts_abc; drop schema public", "pg_catalog"})
    void schemaNameGuardRefusesNonTenantSchemas(String schema) {
        assertThatThrownBy(() -> TenantSlug.requireSchemaName(schema)).isInstanceOf(IllegalArgumentException.class);
    }
}
