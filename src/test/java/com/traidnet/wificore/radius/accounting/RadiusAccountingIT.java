package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.RadiusSessionStarted;
import com.traidnet.wificore.radius.RadiusSessionStopped;
import com.traidnet.wificore.radius.RadiusTestSupport;
import com.traidnet.wificore.support.Radclient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounting end to end with radclient as the NAS, and what accounting feeds back into auth. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(RadiusAccountingIT.Events.class)
class RadiusAccountingIT extends RadiusTestSupport {

    @TestConfiguration
    static class Events {
        final List<Object> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void started(RadiusSessionStarted e) {
            seen.add(e);
        }

        @EventListener
        void stopped(RadiusSessionStopped e) {
            seen.add(e);
        }
    }

    @Autowired
    Events events;
    @Autowired
    StaleSessionSweeper sweeper;

    private Nas nas;

    @BeforeAll
    void tenant() {
        nas = tenantWithNas("radacct", true);
    }

    private Radclient.Reply send(String status, String session, String more) {
        Radclient.Reply reply = acct(nas, "Acct-Status-Type = " + status + "\nAcct-Session-Id = \"" + session
                + "\"\nUser-Name = alice\nNAS-IP-Address = 127.0.0.1\nNAS-Port = 7\n" + more);
        assertThat(reply.code()).as(reply.output()).isEqualTo("Accounting-Response");
        return reply;
    }

    private Map<String, Object> row(String session) {
        return gateway.inTenant(nas.tenantId(), sql -> sql.sql("""
                select count(*) over () as n, acctstoptime is not null as stopped, acctsessiontime,
                       acctinputoctets, acctoutputoctets, host(framedipaddress) as ip, acctterminatecause,
                       callingstationid
                from radacct where acctsessionid = ?""").param(session).query().singleRow());
    }

    @Test
    void startInterimStopWithGigawords() {
        send("Start", "s-1", "Framed-IP-Address = 10.5.0.9\nCalling-Station-Id = \"AA:BB:CC:DD:EE:01\"\n");
        assertThat(row("s-1")).containsEntry("stopped", false).containsEntry("ip", "10.5.0.9");
        send("Interim-Update", "s-1", "Acct-Session-Time = 60\nAcct-Input-Octets = 1000\n"
                + "Acct-Input-Gigawords = 1\nAcct-Output-Octets = 2000\n");
        assertThat(row("s-1")).containsEntry("acctinputoctets", 4_294_968_296L).containsEntry("acctsessiontime", 60L);
        send("Stop", "s-1", "Acct-Session-Time = 120\nAcct-Input-Octets = 5000\nAcct-Input-Gigawords = 1\n"
                + "Acct-Output-Octets = 9000\nAcct-Terminate-Cause = User-Request\n");
        Map<String, Object> stopped = row("s-1");
        assertThat(stopped).containsEntry("n", 1L).containsEntry("stopped", true)
                .containsEntry("acctsessiontime", 120L).containsEntry("acctoutputoctets", 9000L)
                .containsEntry("acctterminatecause", "User-Request");
        assertThat(events.seen).anyMatch(e -> e instanceof RadiusSessionStarted s && s.acctSessionId().equals("s-1"));
        assertThat(events.seen).anyMatch(e -> e instanceof RadiusSessionStopped s && s.acctSessionId().equals("s-1")
                && s.sessionTime() == 120);
    }

    @Test
    void duplicateStartMakesOneRowAndStopWithoutStartMakesOne() {
        send("Start", "s-dup", "");
        send("Start", "s-dup", "Acct-Delay-Time = 3\n"); // a new packet (new authenticator), same session
        assertThat(row("s-dup")).containsEntry("n", 1L);

        send("Stop", "s-orphan", "Acct-Session-Time = 300\nAcct-Output-Octets = 77\n");
        Map<String, Object> orphan = row("s-orphan");
        assertThat(orphan).containsEntry("n", 1L).containsEntry("stopped", true).containsEntry("acctoutputoctets", 77L);
        Instant start = gateway.inTenant(nas.tenantId(), sql -> sql.sql(
                "select acctstarttime from radacct where acctsessionid = 's-orphan'").query(java.sql.Timestamp.class)
                .single()).toInstant();
        assertThat(start).isBetween(Instant.now().minusSeconds(330), Instant.now().minusSeconds(270));

        send("Interim-Update", "s-late", "Acct-Session-Time = 30\n");
        assertThat(row("s-late")).containsEntry("n", 1L).containsEntry("stopped", false);
    }

    @Test
    void accountingOnClosesTheNasSessions() {
        send("Start", "on-1", "");
        send("Start", "on-2", "");
        Radclient.Reply on = acct(nas, "Acct-Status-Type = Accounting-On\nNAS-IP-Address = 127.0.0.1\n");
        assertThat(on.code()).isEqualTo("Accounting-Response");
        assertThat(row("on-1")).containsEntry("stopped", true).containsEntry("acctterminatecause", "NAS-Reboot");
        assertThat(row("on-2")).containsEntry("stopped", true);
    }

    @Test
    void simultaneousUseCountsOpenSessionsButNotTheSameDevice() {
        row(nas, "radcheck", "sim", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "sim", "Simultaneous-Use", ":=", "1");
        String login = "User-Name = sim\nUser-Password = pw\nCalling-Station-Id = \"";
        assertThat(auth(nas, login + "AA:00:00:00:00:01\"\n").code()).isEqualTo("Access-Accept");
        acct(nas, "Acct-Status-Type = Start\nAcct-Session-Id = \"sim-1\"\nUser-Name = sim\n"
                + "NAS-IP-Address = 127.0.0.1\nCalling-Station-Id = \"AA:00:00:00:00:01\"\n");
        Radclient.Reply second = auth(nas, login + "AA:00:00:00:00:02\"\n");
        assertThat(second.code()).isEqualTo("Access-Reject");
        assertThat(second.first("Reply-Message")).contains("maximum number of devices");
        assertThat(auth(nas, login + "AA:00:00:00:00:01\"\n").code()).as("same device again").isEqualTo("Access-Accept");
    }

    @Test
    void dataAndTimeCapsComeFromAccounting() {
        row(nas, "radcheck", "capped", "Cleartext-Password", ":=", "pw");
        row(nas, "radcheck", "capped", "Max-Total-Octets", ":=", "10000");
        row(nas, "radcheck", "capped", "Max-All-Session", ":=", "1000");
        Radclient.Reply fresh = auth(nas, "User-Name = capped\nUser-Password = pw\n");
        assertThat(fresh.code()).isEqualTo("Access-Accept");
        assertThat(fresh.first("Session-Timeout")).isEqualTo("1000");
        assertThat(fresh.first("Mikrotik-Total-Limit")).isEqualTo("10000");

        acct(nas, "Acct-Status-Type = Stop\nAcct-Session-Id = \"cap-1\"\nUser-Name = capped\n"
                + "NAS-IP-Address = 127.0.0.1\nAcct-Session-Time = 400\nAcct-Input-Octets = 3000\n"
                + "Acct-Output-Octets = 4000\n");
        Radclient.Reply partly = auth(nas, "User-Name = capped\nUser-Password = pw\n");
        assertThat(partly.code()).isEqualTo("Access-Accept");
        assertThat(partly.first("Session-Timeout")).isEqualTo("600");
        assertThat(partly.first("Mikrotik-Total-Limit")).isEqualTo("3000");

        acct(nas, "Acct-Status-Type = Stop\nAcct-Session-Id = \"cap-2\"\nUser-Name = capped\n"
                + "NAS-IP-Address = 127.0.0.1\nAcct-Session-Time = 10\nAcct-Output-Octets = 3000\n");
        Radclient.Reply over = auth(nas, "User-Name = capped\nUser-Password = pw\n");
        assertThat(over.code()).isEqualTo("Access-Reject");
        assertThat(over.first("Reply-Message")).contains("data allowance");
    }

    @Test
    void silentSessionsAreClosedAsStale() {
        long hourAgo = Instant.now().minusSeconds(3600).getEpochSecond();
        send("Start", "stale-1", "Event-Timestamp = " + hourAgo + "\n");
        send("Start", "fresh-1", "");
        assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(row("stale-1")).containsEntry("stopped", true).containsEntry("acctterminatecause", "Stale-Session");
        assertThat(row("fresh-1")).containsEntry("stopped", false);
    }
}
