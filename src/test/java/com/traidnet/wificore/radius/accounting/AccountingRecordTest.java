package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.server.RadiusDrop;
import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountingRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final NasClient NAS = new NasClient(UUID.randomUUID(), new TenantId(UUID.randomUUID()), "r1",
            InetAddress.getLoopbackAddress(), 32, "s".getBytes(), "mikrotik", 3799, true);

    private static RadiusPacket.Builder packet(String status) {
        return RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1).add("Acct-Status-Type", status)
                .add("Acct-Session-Id", "8000001A").add("User-Name", "alice").add("NAS-IP-Address", "10.0.0.1")
                .add("NAS-Port", "15");
    }

    private static AccountingRecord parse(RadiusPacket packet) {
        return AccountingRecord.of(packet, NAS, InetAddress.getLoopbackAddress(), NOW);
    }

    @Test
    void gigawordsFoldIntoSixtyFourBitCounters() {
        AccountingRecord r = parse(packet("Interim-Update").add("Acct-Input-Octets", "5")
                .add("Acct-Input-Gigawords", "2").add("Acct-Output-Octets", "7").build());
        assertThat(r.inputOctets()).isEqualTo(2L * (1L << 32) + 5);
        assertThat(r.outputOctets()).isEqualTo(7);
        assertThat(r.status()).isEqualTo(AccountingRecord.Status.INTERIM);
        assertThat(r.nasIp()).isEqualTo("10.0.0.1");
    }

    @Test
    void eventTimeFromEventTimestampElseArrivalMinusDelay() {
        Instant stamped = NOW.minusSeconds(3600);
        AccountingRecord withStamp = parse(packet("Stop").add("Event-Timestamp", Long.toString(stamped.getEpochSecond()))
                .add("Acct-Session-Time", "600").build());
        assertThat(withStamp.eventTime()).isEqualTo(stamped);
        assertThat(withStamp.startTime()).isEqualTo(stamped.minusSeconds(600));

        AccountingRecord delayed = parse(packet("Start").add("Acct-Delay-Time", "30").build());
        assertThat(delayed.eventTime()).isEqualTo(NOW.minusSeconds(30));

        AccountingRecord absurd = parse(packet("Start").add("Event-Timestamp", "86400").build());
        assertThat(absurd.eventTime()).as("a NAS clock decades off is not believed").isEqualTo(NOW);
    }

    @Test
    void theUniqueIdIsStableForTheSessionAndDiffersAcrossPorts() {
        String a = parse(packet("Start").build()).uniqueId();
        String b = parse(packet("Stop").add("Acct-Delay-Time", "4").build()).uniqueId();
        assertThat(a).isEqualTo(b).hasSize(32);
        RadiusPacket otherPort = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1).add("Acct-Status-Type", "Start")
                .add("Acct-Session-Id", "8000001A").add("User-Name", "alice").add("NAS-IP-Address", "10.0.0.1")
                .add("NAS-Port", "16").build();
        assertThat(parse(otherPort).uniqueId()).isNotEqualTo(a);
    }

    @Test
    void missingStatusOrSessionIdIsMalformed() {
        RadiusPacket noStatus = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1).add("User-Name", "x").build();
        assertThatThrownBy(() -> parse(noStatus)).isInstanceOf(RadiusDrop.class);
        RadiusPacket noSession = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1)
                .add("Acct-Status-Type", "Start").build();
        assertThatThrownBy(() -> parse(noSession)).isInstanceOf(RadiusDrop.class);
        RadiusPacket on = RadiusPacket.request(PacketCode.ACCOUNTING_REQUEST, 1)
                .add("Acct-Status-Type", "Accounting-On").build();
        assertThat(parse(on).status().nasWide()).isTrue();
    }
}
