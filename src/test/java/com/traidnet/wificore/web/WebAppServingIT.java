package com.traidnet.wificore.web;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How the platform serves the built web app: caching, pre-compressed files, history-mode routing, and what stays API. */
class WebAppServingIT extends IntegrationTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @BeforeAll
    static void frontEndBuilt() {
        assumeTrue(WebAppServingIT.class.getResource("/web/index.html") != null,
                "the web app is not built (the build ran with -Dfrontend.skip): nothing to serve");
    }

    @Test
    void indexAndAppRoutesAreTheShellRevalidatedEachTime() {
        for (String path : new String[] {"/", "/subscribers/5f0e6c1e-0000-4000-8000-000000000001", "/platform/jobs"}) {
            var page = get(path, Map.of("Accept", HTML));
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.raw().body()).as(path).contains("<div id=\"app\">");
            assertThat(page.raw().headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-cache");
        }
    }

    @Test
    void hashedAssetsAreImmutableAndPreCompressed() {
        String index = get("/", Map.of("Accept", HTML)).raw().body();
        var script = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as(index).isTrue();
        String asset = script.group(1);

        var br = get(asset, Map.of("Accept-Encoding", "gzip, deflate, br, zstd"));
        assertThat(br.status()).isEqualTo(200);
        assertThat(br.raw().headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(br.raw().headers().firstValue("Cache-Control").orElse(""))
                .contains("max-age=31536000").contains("public").contains("immutable");
        assertThat(br.raw().headers().allValues("Vary").toString()).contains("Accept-Encoding");
        assertThat(br.contentType()).contains("javascript");

        var gzip = get(asset, Map.of("Accept-Encoding", "gzip"));
        assertThat(gzip.raw().headers().firstValue("Content-Encoding")).hasValue("gzip");

        var plain = get(asset, Map.of());
        assertThat(plain.raw().headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.raw().body()).contains("createApp").doesNotContain("<div id=\"app\">");
        assertThat(plain.raw().body().length()).isGreaterThan(br.raw().body().length());
    }

    @Test
    void serviceWorkerAndManifestAreServedAndRevalidated() {
        var sw = get("/sw.js", Map.of());
        assertThat(sw.status()).isEqualTo(200);
        assertThat(sw.contentType()).contains("javascript");
        assertThat(sw.raw().headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(sw.raw().body()).contains("wificore-shell-");
        var manifest = get("/manifest.webmanifest", Map.of());
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.raw().body()).contains("\"display\": \"standalone\"");
        assertThat(get("/icons/icon-192.png", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void serverAddressesNeverFallBackToTheApp() {
        var api = api().send("GET", "/api/no-such-endpoint", null, registerTenant("web").token(), Map.of("Accept", HTML));
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/me", Map.of("Accept", HTML)).status()).isEqualTo(401);
        for (String path : new String[] {"/assets/missing-abc123.js", "/favicon.ico", "/sim/nothing", "/health/nope"}) {
            var missing = get(path, Map.of("Accept", HTML));
            assertThat(missing.status()).as(path).isEqualTo(404);
            assertThat(missing.raw().body()).as(path).doesNotContain("<div id=\"app\">");
        }
        var json = get("/subscribers", Map.of("Accept", "application/json"));
        assertThat(json.status()).as("not an HTML request: no shell").isEqualTo(404);
        assertThat(get("/health", Map.of()).raw().body()).contains("UP");
    }

    private Api.Response get(String path, Map<String, String> headers) {
        return api().send("GET", path, null, null, headers);
    }
}
