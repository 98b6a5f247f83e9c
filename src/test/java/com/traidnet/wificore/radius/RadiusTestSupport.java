package com.traidnet.wificore.radius;

import com.traidnet.wificore.radius.server.RadiusServer;
import com.traidnet.wificore.support.IntegrationTest;
import com.traidnet.wificore.support.Radclient;
import com.traidnet.wificore.tenant.TenantGateway;
import com.traidnet.wificore.tenant.TenantId;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What RADIUS integration tests share: a tenant with this host registered as its NAS, rows
 * in its FreeRADIUS tables, and radclient aimed at our ports. Every request names its
 * tenant with the Tenant-ID attribute, because other test classes register 127.0.0.1
 * for their own tenants in the same database.
 */
public abstract class RadiusTestSupport extends IntegrationTest {

    @Autowired
    protected RadiusServer server;
    @Autowired
    protected TenantGateway gateway;

    public record Nas(TestTenant tenant, String secret, String nasId) {
        public TenantId tenantId() {
            return new TenantId(UUID.fromString(tenant.id()));
        }

        /** The Tenant-ID attribute line that picks this tenant on a shared address. */
        public String tenantLine() {
            return "Tenant-ID = \"" + tenant.id() + "\"\n";
        }
    }

    protected Nas tenantWithNas(String prefix, boolean requireMessageAuthenticator) {
        return tenantWithNas(prefix, "s3cret-" + UUID.randomUUID().toString().substring(0, 8),
                requireMessageAuthenticator, 3799);
    }

    protected Nas tenantWithNas(String prefix, String secret, boolean requireMessageAuthenticator, int coaPort) {
        TestTenant tenant = registerTenant(prefix);
        var created = api().post("/api/nas", json("name", "router-1", "address", "127.0.0.1", "secret", secret,
                "type", "mikrotik", "requireMessageAuthenticator", requireMessageAuthenticator, "coaPort", coaPort),
                tenant.token());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        waitForNasDirectory();
        return new Nas(tenant, secret, created.text("id"));
    }

    /** The directory reloads on a notification; give it a moment, as a NAS would retry. */
    protected static void waitForNasDirectory() {
        sleep(700);
    }

    protected void row(Nas nas, String table, String name, String attribute, String op, String value) {
        String key = table.startsWith("radgroup") ? "groupname" : "username";
        gateway.inTenant(nas.tenantId(), sql -> sql.sql("insert into " + table + " (" + key
                        + ", attribute, op, value) values (?, ?, ?, ?)")
                .params(name, attribute, op, value).update());
    }

    protected void member(Nas nas, String username, String group, int priority) {
        gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                        "insert into radusergroup (username, groupname, priority) values (?, ?, ?)")
                .params(username, group, priority).update());
    }

    protected Radclient.Reply auth(Nas nas, String attributes) {
        return Radclient.send(server.authPort(), "auth", nas.secret(),
                "Message-Authenticator = 0x00\n" + nas.tenantLine() + attributes);
    }

    protected Radclient.Reply acct(Nas nas, String attributes) {
        return Radclient.send(server.acctPort(), "acct", nas.secret(), nas.tenantLine() + attributes);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
