package com.traidnet.wificore.radius;

import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-Request end to end with FreeRADIUS's radclient as the NAS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusAuthIT extends RadiusTestSupport {

    private Nas nas;

    @BeforeAll
    void tenantWithUsers() {
        nas = tenantWithNas("radauth", true);
        row(nas, "radcheck", "alice", "Cleartext-Password", ":=", "wonderland");
        row(nas, "radreply", "alice", "Session-Timeout", "=", "3600");
        row(nas, "radreply", "alice", "Mikrotik-Rate-Limit", "=", "2M/4M");
        row(nas, "radreply", "alice", "Framed-IP-Address", "=", "10.5.0.7");
        member(nas, "alice", "gold", 1);
        row(nas, "radgroupreply", "gold", "Idle-Timeout", "=", "300");
        row(nas, "radgroupreply", "gold", "Acct-Interim-Interval", "=", "60");
        row(nas, "radgroupreply", "gold", "Session-Timeout", "=", "99"); // the user's own value wins over "="
        row(nas, "radgroupreply", "gold", "WISPr-Bandwidth-Max-Down", "=", "4000000");
    }

    @Test
    void papAcceptCarriesUserAndGroupReplyItems() {
        Radclient.Reply reply = auth(nas, "User-Name = alice\nUser-Password = wonderland\n");
        assertThat(reply.code()).as(reply.output()).isEqualTo("Access-Accept");
        assertThat(reply.first("Session-Timeout")).isEqualTo("3600");
        assertThat(reply.first("Mikrotik-Rate-Limit")).isEqualTo("2M/4M");
        assertThat(reply.first("Framed-IP-Address")).isEqualTo("10.5.0.7");
        assertThat(reply.first("Idle-Timeout")).isEqualTo("300");
        assertThat(reply.first("Acct-Interim-Interval")).isEqualTo("60");
        assertThat(reply.first("WISPr-Bandwidth-Max-Down")).isEqualTo("4000000");
        assertThat(reply.attributes()).containsKey("Message-Authenticator");
    }

    @Test
    void papRejectsWrongPasswordAndUnknownUser() {
        assertThat(auth(nas, "User-Name = alice\nUser-Password = looking-glass\n").code()).isEqualTo("Access-Reject");
        Radclient.Reply unknown = auth(nas, "User-Name = nobody\nUser-Password = x\n");
        assertThat(unknown.code()).isEqualTo("Access-Reject");
        assertThat(unknown.attributes()).doesNotContainKey("Reply-Message"); // no hint that the name is unknown
    }

    @Test
    void chapAcceptAndReject() {
        row(nas, "radcheck", "carol", "Cleartext-Password", ":=", "chap-secret");
        assertThat(auth(nas, "User-Name = carol\nCHAP-Password = chap-secret\n").code()).isEqualTo("Access-Accept");
        assertThat(auth(nas, "User-Name = carol\nCHAP-Password = wrong\n").code()).isEqualTo("Access-Reject");
    }

    /** RFC 2759 §9.2's worked example, sent by radclient: an independent check of our MS-CHAPv2. */
    @Test
    void msChapV2AcceptWithSuccessAndMppeKeys() {
        row(nas, "radcheck", "User", "Cleartext-Password", ":=", "clientPass");
        String challenge = "0x5B5D7C7D7B3F2F3E3C2C602132262628";
        String response = "0x0100" + "21402324255E262A28295F2B3A337C7E" + "0000000000000000"
                + "82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF";
        Radclient.Reply reply = auth(nas, "User-Name = User\nMS-CHAP-Challenge = " + challenge
                + "\nMS-CHAP2-Response = " + response + "\n");
        assertThat(reply.code()).as(reply.output()).isEqualTo("Access-Accept");
        String success = reply.first("MS-CHAP2-Success");
        assertThat(success).isNotNull();
        String expected = HexFormat.of().formatHex("S=407A5589115FD0D6209F510FE9C04566932CDA56"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(success.toLowerCase()).contains(expected);
        assertThat(reply.attributes()).containsKeys("MS-MPPE-Send-Key", "MS-MPPE-Recv-Key");

        gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                "update radcheck set value = 'otherPass' where username = 'User'").update());
        awaitReply(() -> auth(nas, "User-Name = User\nMS-CHAP-Challenge = " + challenge
                + "\nMS-CHAP2-Response = " + response + "\n"), "Access-Reject");
    }

    @Test
    void hashedPasswordKinds() {
        // computed by tools we did not write: smbencrypt (freeradius-utils) and Python's hashlib
        row(nas, "radcheck", "nt-user", "NT-Password", ":=", "E3803215534E500935D89E1187160837"); // "ntpass"
        row(nas, "radcheck", "sha-user", "SHA2-256-Password", ":=",
                "0x9b8769a4a742959a2d0298c36fb70623f2dfacda8436237df08d8dfd5b37374c"); // "pass123"
        row(nas, "radcheck", "ssha-user", "SSHA2-256-Password", ":=",
                "0x9e0e52df82e116c79887333328d4ff58612d8033b7f787d2982d6094f7cef4e573616c74"); // "sshapass" + "salt"
        assertThat(auth(nas, "User-Name = nt-user\nUser-Password = ntpass\n").code()).isEqualTo("Access-Accept");
        assertThat(auth(nas, "User-Name = nt-user\nUser-Password = ntpass2\n").code()).isEqualTo("Access-Reject");
        assertThat(auth(nas, "User-Name = sha-user\nUser-Password = pass123\n").code()).isEqualTo("Access-Accept");
        assertThat(auth(nas, "User-Name = sha-user\nUser-Password = pass124\n").code()).isEqualTo("Access-Reject");
        assertThat(auth(nas, "User-Name = ssha-user\nUser-Password = sshapass\n").code()).isEqualTo("Access-Accept");
        assertThat(auth(nas, "User-Name = ssha-user\nUser-Password = sshapas\n").code()).isEqualTo("Access-Reject");
    }

    @Test
    void authTypeRejectExpirationAndMacBinding() {
        row(nas, "radcheck", "blocked", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "blocked", "Auth-Type", ":=", "Reject");
        assertThat(auth(nas, "User-Name = blocked\nUser-Password = pw\n").code()).isEqualTo("Access-Reject");

        row(nas, "radcheck", "old", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "old", "Expiration", ":=", "January 1 2020 00:00:00");
        Radclient.Reply expired = auth(nas, "User-Name = old\nUser-Password = pw\n");
        assertThat(expired.code()).isEqualTo("Access-Reject");
        assertThat(expired.first("Reply-Message")).contains("expired");

        row(nas, "radcheck", "soon", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "soon", "Expiration", ":=", java.time.Instant.now().plusSeconds(600).toString());
        Radclient.Reply soon = auth(nas, "User-Name = soon\nUser-Password = pw\n");
        assertThat(soon.code()).isEqualTo("Access-Accept");
        assertThat(Long.parseLong(soon.first("Session-Timeout"))).isBetween(1L, 600L);

        row(nas, "radcheck", "bound", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "bound", "Calling-Station-Id", "==", "AA-BB-CC-00-11-22");
        assertThat(auth(nas, "User-Name = bound\nUser-Password = pw\nCalling-Station-Id = \"aa:bb:cc:00:11:22\"\n")
                .code()).isEqualTo("Access-Accept");
        Radclient.Reply other = auth(nas, "User-Name = bound\nUser-Password = pw\n"
                + "Calling-Station-Id = \"aa:bb:cc:00:11:23\"\n");
        assertThat(other.code()).isEqualTo("Access-Reject");
        assertThat(other.first("Reply-Message")).contains("device");
    }

    @Test
    void passwordChangeTakesEffectOnTheNextRequest() {
        row(nas, "radcheck", "dave", "Cleartext-Password", ":=", "first");
        assertThat(auth(nas, "User-Name = dave\nUser-Password = first\n").code()).isEqualTo("Access-Accept");
        gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                "update radcheck set value = 'second' where username = 'dave'").update());
        long changed = System.nanoTime();
        awaitReply(() -> auth(nas, "User-Name = dave\nUser-Password = second\n"), "Access-Accept");
        assertThat(System.nanoTime() - changed).as("invalidation delay").isLessThan(5_000_000_000L);
        assertThat(auth(nas, "User-Name = dave\nUser-Password = first\n").code()).isEqualTo("Access-Reject");
    }

    @Test
    void everyDecisionIsLoggedInRadpostauth() {
        auth(nas, "User-Name = alice\nUser-Password = wonderland\nCalling-Station-Id = \"11:22:33:44:55:66\"\n");
        auth(nas, "User-Name = alice\nUser-Password = nope\n");
        List<String> rows = List.of();
        for (int i = 0; i < 30 && rows.size() < 2; i++) {
            sleep(100);
            rows = gateway.inTenant(nas.tenantId(), sql -> sql.sql("""
                    select reply || '|' || reason || '|' || coalesce(callingstationid, '') || '|' || host(nasipaddress)
                    from radpostauth where username = 'alice' order by id""").query(String.class).list());
        }
        assertThat(rows).contains("Access-Accept|accepted|11:22:33:44:55:66|127.0.0.1",
                "Access-Reject|wrong password||127.0.0.1");
    }

    private static void awaitReply(java.util.function.Supplier<Radclient.Reply> request, String code) {
        Radclient.Reply last = null;
        for (int i = 0; i < 20; i++) {
            last = request.get();
            if (code.equals(last.code())) {
                return;
            }
            sleep(100);
        }
        assertThat(last.code()).as(last.output()).isEqualTo(code);
    }
}
