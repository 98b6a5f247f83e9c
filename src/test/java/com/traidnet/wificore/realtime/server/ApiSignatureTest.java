package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.protocol.PusherApp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pusher's REST API authentication example (its key, secret, body and timestamp). */
class ApiSignatureTest {

    private static final PusherApp APP = new PusherApp("3", "278d425bdf160c739803", "7ad3773142a6692b25b8",
            new byte[32]);
    private static final byte[] BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Clock AT_EXAMPLE = Clock.fixed(Instant.ofEpochSecond(1353088179), ZoneOffset.UTC);

    private static Map<String, List<String>> params(String signature) {
        var params = new LinkedHashMap<String, List<String>>();
        params.put("auth_key", List.of("278d425bdf160c739803"));
        params.put("auth_timestamp", List.of("1353088179"));
        params.put("auth_version", List.of("1.0"));
        params.put("body_md5", List.of("ec365a775a4cd0599faeb73354201b6f"));
        params.put("auth_signature", List.of(signature));
        return params;
    }

    private static final String SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

    @Test
    void pushersExampleIsAuthentic() {
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params(SIGNATURE), BODY, AT_EXAMPLE)).isNull();
    }

    @Test
    void anyChangeIsRefused() {
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params(SIGNATURE.replace('d', 'e')), BODY,
                AT_EXAMPLE)).contains("signature");
        assertThat(ApiSignature.check(APP, "POST", "/apps/4/events", params(SIGNATURE), BODY, AT_EXAMPLE))
                .contains("signature");
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("foo", "bar").getBytes(StandardCharsets.UTF_8);
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params(SIGNATURE), tampered, AT_EXAMPLE))
                .contains("body_md5");
    }

    @Test
    void timestampsOutsideTenMinutesAreRefused() {
        Clock later = Clock.offset(AT_EXAMPLE, java.time.Duration.ofSeconds(601));
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params(SIGNATURE), BODY, later))
                .contains("auth_timestamp");
        Clock within = Clock.offset(AT_EXAMPLE, java.time.Duration.ofSeconds(-600));
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params(SIGNATURE), BODY, within)).isNull();
    }

    @Test
    void missingOrForeignKeysAreRefused() {
        var params = params(SIGNATURE);
        params.put("auth_key", List.of("someone-else"));
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params, BODY, AT_EXAMPLE)).contains("auth_key");
        params.remove("auth_key");
        assertThat(ApiSignature.check(APP, "POST", "/apps/3/events", params, BODY, AT_EXAMPLE)).contains("required");
    }
}
