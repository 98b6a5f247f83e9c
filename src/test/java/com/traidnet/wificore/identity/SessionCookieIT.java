package com.traidnet.wificore.identity;

import com.traidnet.wificore.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The SPA's way in: HttpOnly session cookie, CSRF token in cookie + header. */
class SessionCookieIT extends IntegrationTest {

    @Test
    void sessionSignInNeedsCsrfAndTheCookieWorks() throws Exception {
        var tenant = registerTenant("sess");
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String body = "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\"" + PASSWORD + "\"}";

        var withoutCsrf = browser.send(post("/api/auth/session", body, null), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(withoutCsrf.body()).contains("CSRF");

        browser.send(get("/api/auth/csrf"), HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();

        var signedIn = browser.send(post("/api/auth/session", body, csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String setCookie = String.join(";", signedIn.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("JSESSIONID").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        var me = browser.send(get("/api/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(tenant.adminEmail());

        var changeWithoutCsrf = browser.send(HttpRequest.newBuilder(uri("/api/tenant/branding"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changeWithoutCsrf.statusCode()).isEqualTo(403);

        csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        var signOut = browser.send(HttpRequest.newBuilder(uri("/api/auth/session")).header("X-XSRF-TOKEN", csrf)
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).as(signOut.body()).isEqualTo(204);
        assertThat(browser.send(get("/api/me"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /** Regression: every cookie request used to change the session id, so the SPA's parallel requests got 401. */
    @Test
    void theSessionIdStaysPutSoParallelRequestsAllPass() throws Exception {
        var tenant = registerTenant("sess_par");
        var cookies = new CookieManager();
        var browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(get("/api/auth/csrf"), HttpResponse.BodyHandlers.ofString());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        String body = "{\"email\":\"" + tenant.adminEmail() + "\",\"password\":\"" + PASSWORD + "\"}";
        assertThat(browser.send(post("/api/auth/session", body, csrf), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        var first = browser.send(get("/api/me"), HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().allValues("Set-Cookie")).as("no new session id, no cleared CSRF cookie").isEmpty();
        var parallel = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> browser.sendAsync(get(i % 2 == 0 ? "/api/me" : "/api/tenant"),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        for (var response : parallel) {
            assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
        }
        var change = browser.send(HttpRequest.newBuilder(uri("/api/tenant/branding"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Same token\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(change.statusCode()).as("the CSRF token read before still works").isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest post(String path, String json, String csrf) {
        var builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            builder.header("X-XSRF-TOKEN", csrf);
        }
        return builder.build();
    }
}
