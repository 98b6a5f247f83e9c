package com.traidnet.wificore.radius.server;

import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.packet.UserPassword;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static com.traidnet.wificore.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd datagrams: each is dropped without an answer and counted by reason, the
 * server keeps serving; retransmissions get the first answer without a second effect; and
 * a NAS of one tenant never reaches another tenant's users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusHardeningIT extends RadiusTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    RadiusMetrics metrics;

    private Nas a;
    private Nas b;
    private Nas lenient;

    @BeforeAll
    void tenants() {
        a = tenantWithNas("hard_a", true);
        b = tenantWithNas("hard_b", true);
        lenient = tenantWithNas("hard_lenient", false);
        row(a, "radcheck", "alice", "Cleartext-Password", ":=", "alice-in-a");
        row(a, "radreply", "alice", "Reply-Message", "=", "tenant A");
        row(b, "radcheck", "alice", "Cleartext-Password", ":=", "alice-in-b");
        row(b, "radreply", "alice", "Reply-Message", "=", "tenant B");
        row(b, "radcheck", "bob", "Cleartext-Password", ":=", "bob-in-b");
        row(lenient, "radcheck", "carl", "Cleartext-Password", ":=", "pw");
    }

    @Test
    void malformedDatagramsAreDroppedAndCounted() throws Exception {
        byte[] good = accessRequest(a, "alice", "alice-in-a", true, true);
        assertDropped(Arrays.copyOf(good, 10), DropReason.MALFORMED);
        byte[] longer = good.clone();
        longer[2] = (byte) 0x0F; // Length 3,9xx octets in a datagram of a few dozen
        assertDropped(longer, DropReason.MALFORMED);
        byte[] badAttribute = good.clone();
        badAttribute[21] = (byte) 1; // first attribute claims a length of 1
        assertDropped(badAttribute, DropReason.MALFORMED);
        assertDropped(new byte[5000], DropReason.MALFORMED);
        byte[] unknownCode = good.clone();
        unknownCode[0] = (byte) 99;
        assertDropped(unknownCode, DropReason.UNKNOWN_CODE);
        assertThat(exchange(good, server.authPort(), "127.0.0.1")).as("still serving").isNotNull();
    }

    @Test
    void badSecretsMissingMessageAuthenticatorAndFloodsAreDropped() throws Exception {
        Nas wrongSecret = new Nas(a.tenant(), "not-the-secret", a.nasId());
        assertDropped(accessRequest(wrongSecret, "alice", "alice-in-a", true, true), DropReason.BAD_AUTHENTICATOR);
        assertDropped(accessRequest(a, "alice", "alice-in-a", false, true), DropReason.MISSING_MESSAGE_AUTHENTICATOR);

        RadiusPacket.Builder flood = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 7).messageAuthenticator()
                .add(tenantId(a)).add("User-Name", "alice");
        for (int i = 0; i < 300; i++) {
            flood.add(Attribute.of(18, "x"));
        }
        assertDropped(PacketCodec.encode(flood.build(), a.secret().getBytes(StandardCharsets.UTF_8)),
                DropReason.ATTRIBUTE_FLOOD);

        // the per-NAS switch: this NAS may send Access-Requests without Message-Authenticator
        byte[] plain = accessRequest(lenient, "carl", "pw", false, true);
        byte[] reply = exchange(plain, server.authPort(), "127.0.0.1");
        assertThat(reply).isNotNull();
        assertThat(reply[0]).isEqualTo((byte) PacketCode.ACCESS_ACCEPT.code());
        assertThat(PacketCodec.decode(reply).first(80)).as("our reply carries Message-Authenticator").isPresent();
    }

    @Test
    void unknownAmbiguousAndMisdirectedPacketsAreDropped() throws Exception {
        byte[] good = accessRequest(a, "alice", "alice-in-a", true, true);
        assertDropped(good, server.authPort(), "127.0.0.2", DropReason.UNKNOWN_NAS);
        assertDropped(accessRequest(a, "alice", "alice-in-a", true, false), DropReason.AMBIGUOUS_NAS);
        assertDropped(good, server.acctPort(), "127.0.0.1", DropReason.WRONG_PORT);
    }

    @Test
    void aSuspendedTenantsNasIsNotServedUntilReactivated() throws Exception {
        Nas paused = tenantWithNas("hard_paused", true);
        row(paused, "radcheck", "dora", "Cleartext-Password", ":=", "pw");
        byte[] request = accessRequest(paused, "dora", "pw", true, true);
        assertThat(exchange(request, server.authPort(), "127.0.0.1")).isNotNull();
        String admin = platformAdminToken();
        assertThat(api().post("/api/platform/tenants/" + paused.tenant().id() + "/suspend", json(), admin).status())
                .isEqualTo(200);
        waitForNasDirectory();
        assertThat(exchange(accessRequest(paused, "dora", "pw", true, true), server.authPort(), "127.0.0.1"))
                .as("suspended").isNull();
        assertThat(api().post("/api/platform/tenants/" + paused.tenant().id() + "/reactivate", json(), admin).status())
                .isEqualTo(200);
        waitForNasDirectory();
        assertThat(exchange(accessRequest(paused, "dora", "pw", true, true), server.authPort(), "127.0.0.1"))
                .as("reactivated").isNotNull();
    }

    @Test
    void statusServerIsAnswered() {
        Radclient.Reply reply = Radclient.send(server.authPort(), "status", a.secret(),
                "Message-Authenticator = 0x00\n" + a.tenantLine());
        assertThat(reply.code()).as(reply.output()).isEqualTo("Access-Accept");
    }

    @Test
    void retransmissionsGetTheCachedReplyAndAreNotProcessedTwice() throws Exception {
        double before = duplicates();
        byte[] request = accessRequest(a, "alice", "alice-in-a", true, true);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] first = exchange(socket, request, server.authPort()); // same source port: a retransmission
            byte[] second = exchange(socket, request, server.authPort());
            assertThat(first).isNotNull();
            assertThat(second).isEqualTo(first);
        }
        assertThat(duplicates()).isEqualTo(before + 1);

        RadiusPacket start = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 42).add(tenantId(a))
                .add("Acct-Status-Type", "Start").add("Acct-Session-Id", "dup-acct-1").add("User-Name", "alice")
                .add("NAS-IP-Address", "127.0.0.1").build();
        byte[] wire = PacketCodec.encode(start, a.secret().getBytes(StandardCharsets.UTF_8));
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            byte[] r1 = exchange(socket, wire, server.acctPort());
            byte[] r2 = exchange(socket, wire, server.acctPort());
            assertThat(r1).isNotNull().isEqualTo(r2);
        }
        long rows = gateway.inTenant(a.tenantId(), sql -> sql.sql(
                "select count(*) from radacct where acctsessionid = 'dup-acct-1'").query(Long.class).single());
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void theNasPicksTheTenantAndNeverReachesAnotherTenantsUsers() {
        Radclient.Reply inA = auth(a, "User-Name = alice\nUser-Password = alice-in-a\n");
        assertThat(inA.code()).isEqualTo("Access-Accept");
        assertThat(inA.first("Reply-Message")).isEqualTo("tenant A");
        Radclient.Reply inB = auth(b, "User-Name = alice\nUser-Password = alice-in-b\n");
        assertThat(inB.code()).isEqualTo("Access-Accept");
        assertThat(inB.first("Reply-Message")).isEqualTo("tenant B");

        assertThat(auth(a, "User-Name = alice\nUser-Password = alice-in-b\n").code()).isEqualTo("Access-Reject");
        assertThat(auth(a, "User-Name = bob\nUser-Password = bob-in-b\n").code())
                .as("B's user through A's NAS").isEqualTo("Access-Reject");
        // A's Tenant-ID with B's secret: A's secret does not verify it, so it is dropped, not answered
        Radclient.Reply forged = Radclient.send("127.0.0.1", server.authPort(), "auth", b.secret(),
                "Message-Authenticator = 0x00\n" + a.tenantLine() + "User-Name = bob\nUser-Password = bob-in-b\n", 1);
        assertThat(forged.code()).isNull();
    }

    @Autowired
    MeterRegistry registry;

    private double duplicates() {
        return registry.get("wificore.radius.duplicates").counter().count();
    }

    private static Attribute tenantId(Nas nas) {
        return Dictionary.standard().attribute("Tenant-ID", nas.tenant().id());
    }

    private static byte[] accessRequest(Nas nas, String user, String password, boolean messageAuthenticator,
                                        boolean withTenant) throws Exception {
        byte[] authenticator = new byte[16];
        RANDOM.nextBytes(authenticator);
        byte[] secret = nas.secret().getBytes(StandardCharsets.UTF_8);
        RadiusPacket.Builder builder = RadiusPacket.request(PacketCode.ACCESS_REQUEST, RANDOM.nextInt(256))
                .authenticator(authenticator).add("User-Name", user)
                .add(Attribute.of(2, UserPassword.hide(password.getBytes(StandardCharsets.UTF_8), secret, authenticator)))
                .add("NAS-IP-Address", "127.0.0.1");
        if (withTenant) {
            builder.add(tenantId(nas));
        }
        if (messageAuthenticator) {
            builder.messageAuthenticator();
        }
        return PacketCodec.encode(builder.build(), secret);
    }

    private void assertDropped(byte[] datagram, DropReason reason) throws Exception {
        assertDropped(datagram, server.authPort(), "127.0.0.1", reason);
    }

    private void assertDropped(byte[] datagram, int port, String from, DropReason reason) throws Exception {
        double before = metrics.dropped(reason);
        assertThat(exchange(datagram, port, from)).as("no answer for " + reason).isNull();
        assertThat(metrics.dropped(reason)).as(reason.tag()).isEqualTo(before + 1);
    }

    private static byte[] exchange(byte[] datagram, int port, String from) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
            return exchange(socket, datagram, port);
        }
    }

    private static byte[] exchange(DatagramSocket socket, byte[] datagram, int port) throws Exception {
        socket.setSoTimeout(800);
        socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getByName("127.0.0.1"), port));
        byte[] buffer = new byte[4096];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(reply);
            return Arrays.copyOf(buffer, reply.getLength());
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
