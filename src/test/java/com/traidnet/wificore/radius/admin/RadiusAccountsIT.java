package com.traidnet.wificore.radius.admin;

import com.traidnet.wificore.support.Api;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** RADIUS users, groups, sessions and the post-auth log over HTTP, per tenant. */
class RadiusAccountsIT extends IntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    TenantGateway gateway;

    @Test
    void usersAreCreatedReadListedReplacedAndDeleted() {
        var t = registerTenant("radu");
        assertThat(api().post("/api/radius/groups", json("name", "basic"), t.token()).status()).isEqualTo(201);
        assertThat(api().post("/api/radius/groups", json("name", "premium"), t.token()).status()).isEqualTo(201);

        var created = api().post("/api/radius/users", json("username", "alice", "password", "s3cret-pass",
                "check", List.of(json("attribute", "simultaneous-use", "value", "1"),
                        json("attribute", "Calling-Station-Id", "value", "AA-BB-CC-DD-EE-FF")),
                "reply", List.of(json("attribute", "session-timeout", "value", "3600"),
                        json("attribute", "Mikrotik-Rate-Limit", "op", ":=", "value", "2M/2M")),
                "groups", List.of("basic", json("name", "premium", "priority", 5))), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().toString()).doesNotContain("s3cret-pass");
        assertThat(created.text("passwordType")).isEqualTo("Cleartext-Password");
        assertThat(rows(created.body().path("check"))).containsExactly(
                "Simultaneous-Use := 1", "Calling-Station-Id == AA-BB-CC-DD-EE-FF");
        assertThat(rows(created.body().path("reply"))).containsExactly(
                "Session-Timeout = 3600", "Mikrotik-Rate-Limit := 2M/2M");
        assertThat(created.body().path("groups").toString())
                .isEqualTo("[{\"name\":\"basic\",\"priority\":1},{\"name\":\"premium\",\"priority\":5}]");
        assertThat(radcheck(t, "alice")).containsExactly("Cleartext-Password := s3cret-pass",
                "Simultaneous-Use := 1", "Calling-Station-Id == AA-BB-CC-DD-EE-FF");

        assertThat(api().get("/api/radius/users/alice", t.token()).body()).isEqualTo(created.body());
        assertThat(api().get("/api/radius/users/nobody", t.token()).status()).isEqualTo(404);
        var duplicate = api().post("/api/radius/users", json("username", "alice", "password", "other"), t.token());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");

        assertThat(api().post("/api/radius/users", json("username", "bob", "password", "x"), t.token()).status())
                .isEqualTo(201);
        var page = api().get("/api/radius/users?size=1", t.token()).body();
        assertThat(page.path("items").get(0).path("username").asString()).isEqualTo("alice");
        assertThat(page.path("hasMore").asBoolean()).isTrue();
        assertThat(usernames(api().get("/api/radius/users?page=1&size=1", t.token()).body())).containsExactly("bob");
        assertThat(usernames(api().get("/api/radius/users?q=LIC", t.token()).body())).containsExactly("alice");

        // PUT replaces items and groups; without a password the old one stays
        var replaced = api().send("PUT", "/api/radius/users/alice", json("reply",
                List.of(json("attribute", "Idle-Timeout", "value", "300")), "groups", List.of("premium")), t.token(),
                Map.of());
        assertThat(replaced.status()).as(replaced.body().toString()).isEqualTo(200);
        assertThat(rows(replaced.body().path("check"))).isEmpty();
        assertThat(rows(replaced.body().path("reply"))).containsExactly("Idle-Timeout = 300");
        assertThat(replaced.body().path("groups").toString()).isEqualTo("[{\"name\":\"premium\",\"priority\":1}]");
        assertThat(radcheck(t, "alice")).containsExactly("Cleartext-Password := s3cret-pass");
        String nt = "8846F7EAEE8FB117AD06BDD830B7586C";
        assertThat(api().send("PUT", "/api/radius/users/alice", json("password", nt, "passwordType", "NT-Password"),
                t.token(), Map.of()).text("passwordType")).isEqualTo("NT-Password");
        assertThat(radcheck(t, "alice")).containsExactly("NT-Password := " + nt);
        assertThat(api().send("PUT", "/api/radius/users/nobody", json(), t.token(), Map.of()).status())
                .isEqualTo(404);

        assertThat(api().send("DELETE", "/api/radius/users/alice", null, t.token(), Map.of()).status()).isEqualTo(204);
        assertThat(api().get("/api/radius/users/alice", t.token()).status()).isEqualTo(404);
        assertThat(radcheck(t, "alice")).isEmpty();
        assertThat(api().send("DELETE", "/api/radius/users/alice", null, t.token(), Map.of()).status()).isEqualTo(404);

        assertThat(gateway.<List<String>>inTenant(tenant(t), sql -> sql.sql(
                        "select action || ' ' || subject || ' ' || actor_email from audit_log order by id")
                .query(String.class).list())).contains("radius.user.created alice " + t.adminEmail(),
                "radius.user.updated alice " + t.adminEmail(), "radius.user.deleted alice " + t.adminEmail());
    }

    @Test
    void invalidUsersAreRefusedNamingTheField() {
        var t = registerTenant("radv");
        assertInvalid(t, json("username", "", "password", "x"), "username");
        assertInvalid(t, json("username", "bad\u0001name", "password", "x"), "username");
        assertInvalid(t, json("username", "u".repeat(254), "password", "x"), "username");
        assertInvalid(t, json("username", "u"), "password");
        assertInvalid(t, json("username", "u", "password", "x", "passwordType", "Crypt-Password"), "passwordType");
        assertInvalid(t, json("username", "u", "password", "not-hex", "passwordType", "NT-Password"), "password");
        assertInvalid(t, json("username", "u", "password", "abcd", "passwordType", "SHA2-256-Password"), "password");
        assertInvalid(t, json("username", "u", "password", "x".repeat(129)), "password");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Foo-Bar", "value", "1"))), "check[0].attribute");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("value", "1"))), "check[0].attribute");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Cleartext-Password", "value", "sneaky"))), "check[0].attribute");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "NAS-Port", "op", "~=", "value", "1"))), "check[0].op");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Simultaneous-Use", "value", "two"))), "check[0].value");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Expiration", "value", "someday"))), "check[0].value");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Calling-Station-Id", "op", "=~", "value", "(unclosed"))), "check[0].value");
        assertInvalid(t, json("username", "u", "password", "x", "check",
                List.of(json("attribute", "Filter-Id", "value", "v".repeat(254)))), "check[0].value");
        assertInvalid(t, json("username", "u", "password", "x", "reply", List.of(json("attribute", "Idle-Timeout",
                "value", "300"), json("attribute", "Session-Timeout", "value", "an hour"))), "reply[1].value");
        assertInvalid(t, json("username", "u", "password", "x", "reply",
                List.of(json("attribute", "Framed-IP-Address", "value", "10.0.0.300"))), "reply[0].value");
        assertInvalid(t, json("username", "u", "password", "x", "reply",
                List.of(json("attribute", "Simultaneous-Use", "value", "1"))), "reply[0].attribute");
        assertInvalid(t, json("username", "u", "password", "x", "reply",
                List.of(json("attribute", "Session-Timeout", "op", "==", "value", "1"))), "reply[0].op");
        assertInvalid(t, json("username", "u", "password", "x", "groups", List.of("no-such-group")), "groups[0].name");
        assertInvalid(t, json("username", "u", "password", "x", "groups", List.of(json("priority", 1))),
                "groups[0].name");
        assertThat(api().get("/api/radius/users", t.token()).body().path("items").size()).isZero();

        // the shapes that are valid, for contrast
        var fine = api().post("/api/radius/users", json("username", "mac-aa-bb", "password",
                "a".repeat(64) + "0102", "passwordType", "SSHA2-256-Password", "check", List.of(
                        json("attribute", "Expiration", "value", "Jan 31 2030 23:59:59"),
                        json("attribute", "Max-Total-Octets", "value", "10737418240"),
                        json("attribute", "Auth-Type", "value", "Accept"),
                        json("attribute", "Service-Type", "value", "Framed-User"))), t.token());
        assertThat(fine.status()).as(fine.body().toString()).isEqualTo(201);
        assertThat(rows(fine.body().path("check"))).containsExactly("Expiration := Jan 31 2030 23:59:59",
                "Max-Total-Octets := 10737418240", "Auth-Type := Accept", "Service-Type == Framed-User");
    }

    @Test
    void groupsAreManagedAndCannotBeDeletedWhileInUseUnlessForced() {
        var t = registerTenant("radg");
        var created = api().post("/api/radius/groups", json("name", "gold", "description", "Gold plan",
                "check", List.of(json("attribute", "Simultaneous-Use", "value", "2")),
                "reply", List.of(json("attribute", "Mikrotik-Rate-Limit", "value", "10M/10M"))), t.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(rows(created.body().path("check"))).containsExactly("Simultaneous-Use := 2");
        assertThat(created.body().path("members").asLong()).isZero();
        assertThat(api().post("/api/radius/groups", json("name", "gold"), t.token()).status()).isEqualTo(409);
        assertThat(api().post("/api/radius/groups", json("name", "x", "reply",
                List.of(json("attribute", "Nope", "value", "1"))), t.token()).body().path("errors").get(0)
                .path("field").asString()).isEqualTo("reply[0].attribute");
        assertThat(api().post("/api/radius/groups", json("name", "silver"), t.token()).status()).isEqualTo(201);

        assertThat(api().post("/api/radius/users", json("username", "carol", "password", "pw", "groups",
                List.of("gold")), t.token()).status()).isEqualTo(201);
        var gold = api().get("/api/radius/groups/gold", t.token()).body();
        assertThat(gold.path("description").asString()).isEqualTo("Gold plan");
        assertThat(gold.path("members").asLong()).isEqualTo(1);
        var list = api().get("/api/radius/groups?size=1", t.token()).body();
        assertThat(list.path("items").get(0).path("name").asString()).isEqualTo("gold");
        assertThat(list.path("hasMore").asBoolean()).isTrue();
        assertThat(api().get("/api/radius/groups/bronze", t.token()).status()).isEqualTo(404);

        var replaced = api().send("PUT", "/api/radius/groups/gold", json("description", "Gold, faster",
                "reply", List.of(json("attribute", "Mikrotik-Rate-Limit", "value", "20M/20M"))), t.token(), Map.of());
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(rows(replaced.body().path("check"))).isEmpty();
        assertThat(rows(replaced.body().path("reply"))).containsExactly("Mikrotik-Rate-Limit = 20M/20M");
        assertThat(api().send("PUT", "/api/radius/groups/bronze", json(), t.token(), Map.of()).status())
                .isEqualTo(404);

        var inUse = api().send("DELETE", "/api/radius/groups/gold", null, t.token(), Map.of());
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.text("detail")).contains("force=true");
        assertThat(api().send("DELETE", "/api/radius/groups/silver", null, t.token(), Map.of()).status())
                .isEqualTo(204);
        assertThat(api().send("DELETE", "/api/radius/groups/gold?force=true", null, t.token(), Map.of()).status())
                .isEqualTo(204);
        assertThat(api().get("/api/radius/groups/gold", t.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/radius/users/carol", t.token()).body().path("groups").size()).isZero();
        assertThat(api().send("DELETE", "/api/radius/groups/gold", null, t.token(), Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void rowsWrittenForFreeRadiusAreUsersAndGroupsToo() {
        var t = registerTenant("radi");
        gateway.inTenant(tenant(t), sql -> {
            sql.sql("insert into radcheck (username, attribute, op, value) values ('jill', 'MD5-Password', ':=',"
                    + " '5f4dcc3b5aa765d61d8327deb882cf99')").update();
            sql.sql("insert into radgroupreply (groupname, attribute, op, value) values ('legacy',"
                    + " 'Session-Timeout', '=', '60')").update();
            return sql.sql("insert into radusergroup (username, groupname, priority) values ('kim', 'legacy', 1)")
                    .update();
        });
        assertThat(api().get("/api/radius/users/jill", t.token()).text("passwordType")).isEqualTo("MD5-Password");
        assertThat(usernames(api().get("/api/radius/users", t.token()).body())).containsExactly("jill", "kim");
        var legacy = api().get("/api/radius/groups/legacy", t.token());
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body().path("members").asLong()).isEqualTo(1);
        assertThat(api().post("/api/radius/groups", json("name", "legacy"), t.token()).status()).isEqualTo(409);

        // a PUT without a password keeps the one the server can check, whatever its scheme
        assertThat(api().send("PUT", "/api/radius/users/jill", json("groups", List.of("legacy")), t.token(),
                Map.of()).text("passwordType")).isEqualTo("MD5-Password");
        assertThat(radcheck(t, "jill")).containsExactly("MD5-Password := 5f4dcc3b5aa765d61d8327deb882cf99");
        // replacing the only rows of a password-less user with nothing leaves no user
        assertThat(api().send("PUT", "/api/radius/users/kim", json(), t.token(), Map.of()).status()).isEqualTo(200);
        assertThat(api().get("/api/radius/users/kim", t.token()).status()).isEqualTo(404);
    }

    @Test
    void sessionsAreListedNewestFirstAndFilteredByStatusUserAndNas() {
        var t = registerTenant("rads");
        long oldClosed = session(t, "dave", "10.0.0.1", NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        long openDave = session(t, "dave", "10.0.0.1", NOW.minusSeconds(600), null);
        long openErin = session(t, "erin", "10.0.0.2", NOW.minusSeconds(60), null);

        assertThat(ids("/api/sessions", t)).containsExactly(openErin, openDave, oldClosed);
        assertThat(ids("/api/sessions?status=open", t)).containsExactly(openErin, openDave);
        assertThat(ids("/api/sessions?status=closed", t)).containsExactly(oldClosed);
        assertThat(ids("/api/sessions?status=open&username=dave", t)).containsExactly(openDave);
        assertThat(ids("/api/sessions?username=dave", t)).containsExactly(openDave, oldClosed);
        assertThat(ids("/api/sessions?status=open&nasIp=10.0.0.2", t)).containsExactly(openErin);
        assertThat(ids("/api/sessions?nasIp=10.0.0.1&status=closed", t)).containsExactly(oldClosed);

        var first = api().get("/api/sessions?status=open&size=1", t.token()).body();
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        assertThat(ids("/api/sessions?status=open&size=1&page=1", t)).containsExactly(openDave);
        assertThat(api().get("/api/sessions?status=open&size=1&page=1", t.token()).body().path("hasMore")
                .asBoolean()).isFalse();

        var one = api().get("/api/sessions/" + oldClosed, t.token());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("status")).isEqualTo("closed");
        assertThat(one.text("username")).isEqualTo("dave");
        assertThat(one.text("nasIp")).isEqualTo("10.0.0.1");
        assertThat(one.text("framedIp")).isEqualTo("192.168.88.10");
        assertThat(one.text("callingStationId")).isEqualTo("AA-BB-CC-DD-EE-FF");
        assertThat(Instant.parse(one.text("startedAt"))).isEqualTo(NOW.minusSeconds(7200));
        assertThat(Instant.parse(one.text("stoppedAt"))).isEqualTo(NOW.minusSeconds(3600));
        assertThat(one.body().path("inputOctets").asLong()).isEqualTo(1000);
        assertThat(one.text("terminateCause")).isEqualTo("User-Request");
        assertThat(api().get("/api/sessions/" + openErin, t.token()).text("status")).isEqualTo("open");
        assertThat(api().get("/api/sessions/999999999", t.token()).status()).isEqualTo(404);

        assertField(api().get("/api/sessions?status=stale", t.token()), "status");
        assertField(api().get("/api/sessions?nasIp=example.com", t.token()), "nasIp");
        assertField(api().get("/api/sessions/abc", t.token()), "id");
    }

    @Test
    void postAuthLogIsListedNewestFirstAndFiltered() {
        var t = registerTenant("radp");
        postAuth(t, "frank", "Access-Accept", null, NOW.minusSeconds(30));
        postAuth(t, "frank", "Access-Reject", "wrong password", NOW.minusSeconds(20));
        postAuth(t, "gina", "Access-Accept", null, NOW.minusSeconds(10));

        var all = api().get("/api/radius/postauth", t.token()).body();
        assertThat(all.toString()).doesNotContain("secret-attempt");
        assertThat(all.path("items").valueStream().map(i -> i.path("username").asString() + " "
                + i.path("result").asString()).toList()).containsExactly("gina accept", "frank reject", "frank accept");
        var rejects = api().get("/api/radius/postauth?result=reject", t.token()).body().path("items");
        assertThat(rejects.size()).isEqualTo(1);
        assertThat(rejects.get(0).path("reason").asString()).isEqualTo("wrong password");
        assertThat(rejects.get(0).path("nasIp").asString()).isEqualTo("10.0.0.1");
        assertThat(Instant.parse(rejects.get(0).path("at").asString())).isEqualTo(NOW.minusSeconds(20));
        assertThat(api().get("/api/radius/postauth?username=frank&result=accept", t.token()).body()
                .path("items").size()).isEqualTo(1);
        var paged = api().get("/api/radius/postauth?size=2&page=1", t.token()).body();
        assertThat(paged.path("items").get(0).path("username").asString()).isEqualTo("frank");
        assertThat(paged.path("hasMore").asBoolean()).isFalse();
        assertField(api().get("/api/radius/postauth?result=maybe", t.token()), "result");
    }

    @Test
    void anotherTenantCanNeitherSeeNorChangeRadiusData() {
        var a = registerTenant("rad_a");
        var b = registerTenant("rad_b");
        assertThat(api().post("/api/radius/groups", json("name", "plan"), a.token()).status()).isEqualTo(201);
        assertThat(api().post("/api/radius/users", json("username", "hank", "password", "pw", "groups",
                List.of("plan")), a.token()).status()).isEqualTo(201);
        long sessionOfA = session(a, "hank", "10.0.0.1", NOW.minusSeconds(60), null);
        postAuth(a, "hank", "Access-Accept", null, NOW);

        assertThat(api().get("/api/radius/users/hank", b.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/radius/groups/plan", b.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/radius/users", b.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/radius/groups", b.token()).body().path("items").size()).isZero();
        assertThat(api().send("PUT", "/api/radius/users/hank", json("password", "takeover"), b.token(), Map.of())
                .status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/radius/users/hank", null, b.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().send("PUT", "/api/radius/groups/plan", json(), b.token(), Map.of()).status()).isEqualTo(404);
        assertThat(api().send("DELETE", "/api/radius/groups/plan?force=true", null, b.token(), Map.of()).status())
                .isEqualTo(404);
        assertThat(api().get("/api/sessions/" + sessionOfA, b.token()).status()).isEqualTo(404);
        assertThat(api().get("/api/sessions", b.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/sessions?status=open", b.token()).body().path("items").size()).isZero();
        assertThat(api().get("/api/radius/postauth", b.token()).body().path("items").size()).isZero();
        // B's users live in B: the same name is free there, and the group A has is unknown
        assertThat(api().post("/api/radius/users", json("username", "hank", "password", "pw", "groups",
                List.of("plan")), b.token()).status()).isEqualTo(400);
        assertThat(api().post("/api/radius/users", json("username", "hank", "password", "b-pw"), b.token()).status())
                .isEqualTo(201);

        // A's data is untouched
        assertThat(radcheck(a, "hank")).containsExactly("Cleartext-Password := pw");
        assertThat(api().get("/api/radius/users/hank", a.token()).body().path("groups").size()).isEqualTo(1);
        assertThat(api().get("/api/sessions/" + sessionOfA, a.token()).status()).isEqualTo(200);
    }

    @Test
    void viewersAndReadOnlyTokensCanReadButNotWrite() {
        var t = registerTenant("radr");
        assertThat(api().post("/api/radius/groups", json("name", "plan"), t.token()).status()).isEqualTo(201);
        String viewer = staff(t, "viewer");
        String operator = staff(t, "operator");
        String readOnly = api().post("/api/auth/tokens", json("name", "dash", "abilities", List.of("read")),
                t.token()).text("token");

        for (String reader : List.of(viewer, readOnly)) {
            assertThat(api().get("/api/radius/groups/plan", reader).status()).isEqualTo(200);
            assertThat(api().get("/api/radius/users", reader).status()).isEqualTo(200);
            assertThat(api().get("/api/sessions", reader).status()).isEqualTo(200);
            assertThat(api().get("/api/radius/postauth", reader).status()).isEqualTo(200);
            assertThat(api().post("/api/radius/users", json("username", "ivy", "password", "pw"), reader).status())
                    .isEqualTo(403);
            assertThat(api().post("/api/radius/groups", json("name", "other"), reader).status()).isEqualTo(403);
            assertThat(api().send("PUT", "/api/radius/groups/plan", json(), reader, Map.of()).status()).isEqualTo(403);
            assertThat(api().send("DELETE", "/api/radius/groups/plan", null, reader, Map.of()).status())
                    .isEqualTo(403);
        }
        assertThat(api().post("/api/radius/users", json("username", "ivy", "password", "pw"), operator).status())
                .isEqualTo(201);
        assertThat(api().send("DELETE", "/api/radius/users/ivy", null, viewer, Map.of()).status()).isEqualTo(403);
        assertThat(api().send("DELETE", "/api/radius/users/ivy", null, operator, Map.of()).status()).isEqualTo(204);
    }

    private void assertInvalid(TestTenant t, Map<String, Object> body, String field) {
        assertField(api().post("/api/radius/users", body, t.token()), field);
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").valueStream().map(e -> e.path("field").asString()))
                .as(response.body().toString()).contains(field);
    }

    private static List<String> rows(JsonNode items) {
        return items.valueStream().map(r -> r.path("attribute").asString() + " " + r.path("op").asString() + " "
                + r.path("value").asString()).toList();
    }

    private static List<String> usernames(JsonNode page) {
        return page.path("items").valueStream().map(u -> u.path("username").asString()).toList();
    }

    private List<Long> ids(String path, TestTenant t) {
        var response = api().get(path, t.token());
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().path("items").valueStream().map(s -> s.path("id").asLong()).toList();
    }

    private List<String> radcheck(TestTenant t, String username) {
        return gateway.inTenant(tenant(t), sql -> sql.sql(
                        "select attribute || ' ' || op || ' ' || value from radcheck where username = ? order by id")
                .param(username).query(String.class).list());
    }

    private long session(TestTenant t, String username, String nas, Instant start, Instant stop) {
        String unique = UUID.randomUUID().toString();
        Timestamp started = Timestamp.from(start);
        Timestamp stopped = stop == null ? null : Timestamp.from(stop);
        return gateway.inTenant(tenant(t), sql -> {
            long id = sql.sql("""
                            insert into radacct (acctsessionid, acctuniqueid, username, nasipaddress, nasportid,
                              acctstarttime, acctupdatetime, acctstoptime, acctsessiontime, acctinputoctets,
                              acctoutputoctets, callingstationid, calledstationid, framedipaddress, acctterminatecause)
                            values (?, ?, ?, ?::inet, 'wlan1', ?, ?, ?, 60, 1000, 2000, 'AA-BB-CC-DD-EE-FF',
                              'hotspot1', '192.168.88.10'::inet, ?)
                            returning radacctid""")
                    .params(unique.substring(0, 8), unique, username, nas, started, started, stopped,
                            stop == null ? null : "User-Request")
                    .query(Long.class).single();
            sql.sql("""
                            insert into radacct_sessions (acctuniqueid, acctstarttime, radacctid, username,
                              nasipaddress, callingstationid, acctstoptime, acctupdatetime)
                            values (?, ?, ?, ?, ?::inet, 'AA-BB-CC-DD-EE-FF', ?, ?)""")
                    .params(unique, started, id, username, nas, stopped, started).update();
            return id;
        });
    }

    private void postAuth(TestTenant t, String username, String reply, String reason, Instant at) {
        gateway.inTenant(tenant(t), sql -> sql.sql("""
                        insert into radpostauth (username, pass, reply, callingstationid, authdate, nasipaddress, reason)
                        values (?, 'secret-attempt', ?, 'AA-BB-CC-DD-EE-FF', ?, '10.0.0.1'::inet, ?)""")
                .params(username, reply, Timestamp.from(at), reason).update());
    }

    private String staff(TestTenant t, String role) {
        String email = role + "@" + t.slug() + ".test";
        assertThat(api().post("/api/staff", json("email", email, "password", PASSWORD, "roles", List.of(role)),
                t.token()).status()).isEqualTo(201);
        return login(email, PASSWORD);
    }

    private static TenantId tenant(TestTenant t) {
        return new TenantId(UUID.fromString(t.id()));
    }
}
