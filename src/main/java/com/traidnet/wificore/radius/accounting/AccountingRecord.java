package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.server.DropReason;
import com.traidnet.wificore.radius.server.RadiusDrop;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One Accounting-Request as radacct sees it: which session, what happened, the counters
 * with Gigawords folded into 64 bits, and when it happened (Event-Timestamp, else arrival
 * minus Acct-Delay-Time).
 */
record AccountingRecord(
        Status status, NasClient nas, String nasIp, String sessionId, String uniqueId, String username,
        String nasPortId, String nasPortType, Instant eventTime, long sessionTime, long inputOctets,
        long outputOctets, String framedIp, String framedIpv6, String callingStationId, String calledStationId,
        String terminateCause, String serviceType, String framedProtocol, String acctAuthentic, String connectInfo,
        String classValue) {

    enum Status {
        START, STOP, INTERIM, ACCOUNTING_ON, ACCOUNTING_OFF, OTHER;

        boolean nasWide() {
            return this == ACCOUNTING_ON || this == ACCOUNTING_OFF;
        }
    }

    private static final Dictionary DICTIONARY = Dictionary.standard();
    private static final long GIGAWORD = 1L << 32;
    /** Clock skew we believe of a NAS's Event-Timestamp; beyond it, arrival time is used. */
    private static final long MAX_SKEW_SECONDS = 7 * 24 * 3600;

    /** When the session started, as best we know: event time minus session time. */
    Instant startTime() {
        return eventTime.minusSeconds(Math.max(0, sessionTime));
    }

    static AccountingRecord of(RadiusPacket packet, NasClient nas, InetAddress source, Instant now) {
        Status status = switch ((int) packet.integer("Acct-Status-Type").orElse(-1)) {
            case 1 -> Status.START;
            case 2 -> Status.STOP;
            case 3 -> Status.INTERIM;
            case 7 -> Status.ACCOUNTING_ON;
            case 8 -> Status.ACCOUNTING_OFF;
            case -1 -> throw new RadiusDrop(DropReason.MALFORMED, "no Acct-Status-Type");
            default -> Status.OTHER;
        };
        String nasIp = packet.first("NAS-IP-Address").flatMap(Attribute::asIpv4).map(InetAddress::getHostAddress)
                .or(() -> packet.first("NAS-IPv6-Address").flatMap(Attribute::asIpv6).map(InetAddress::getHostAddress))
                .orElse(source.getHostAddress());
        String sessionId = packet.string("Acct-Session-Id").orElse(null);
        if (sessionId == null && !status.nasWide() && status != Status.OTHER) {
            throw new RadiusDrop(DropReason.MALFORMED, "no Acct-Session-Id");
        }
        String username = packet.string("User-Name").orElse(null);
        String nasPortId = packet.string("NAS-Port-Id")
                .or(() -> packet.first("NAS-Port").map(a -> Long.toString(a.asInteger().orElse(0)))).orElse(null);
        Instant eventTime = eventTime(packet, now);
        String uniqueId = sessionId == null ? null : uniqueId(username, sessionId, nasIp,
                packet.string("NAS-Identifier").orElse(""), nasPortId == null ? "" : nasPortId);
        return new AccountingRecord(status, nas, nasIp, sessionId, uniqueId, username, nasPortId,
                named(packet, "NAS-Port-Type"), eventTime, packet.integer("Acct-Session-Time").orElse(0),
                octets(packet, "Acct-Input-Octets", "Acct-Input-Gigawords"),
                octets(packet, "Acct-Output-Octets", "Acct-Output-Gigawords"),
                packet.first("Framed-IP-Address").flatMap(Attribute::asIpv4).map(InetAddress::getHostAddress)
                        .orElse(null),
                packet.first("Framed-IPv6-Address").flatMap(Attribute::asIpv6).map(InetAddress::getHostAddress)
                        .orElse(null),
                packet.string("Calling-Station-Id").orElse(null), packet.string("Called-Station-Id").orElse(null),
                named(packet, "Acct-Terminate-Cause"), named(packet, "Service-Type"),
                named(packet, "Framed-Protocol"), named(packet, "Acct-Authentic"),
                packet.string("Connect-Info").orElse(null),
                packet.first("Class").map(DICTIONARY::format).orElse(null));
    }

    private static Instant eventTime(RadiusPacket packet, Instant now) {
        Optional<Instant> stamped = packet.first("Event-Timestamp").flatMap(Attribute::asDate)
                .filter(t -> Math.abs(t.getEpochSecond() - now.getEpochSecond()) < MAX_SKEW_SECONDS);
        return stamped.orElseGet(() -> now.minusSeconds(packet.integer("Acct-Delay-Time").orElse(0)));
    }

    private static long octets(RadiusPacket packet, String octets, String gigawords) {
        return packet.integer(gigawords).orElse(0) * GIGAWORD + packet.integer(octets).orElse(0);
    }

    private static String named(RadiusPacket packet, String attribute) {
        return packet.first(attribute).map(DICTIONARY::format).orElse(null);
    }

    /**
     * FreeRADIUS's acct_unique policy: MD5 over the fields that identify a session at one
     * NAS port, so retransmissions and duplicate Starts map to the same row.
     */
    static String uniqueId(String username, String sessionId, String nasIp, String nasIdentifier, String port) {
        String key = (username == null ? "" : username) + ',' + sessionId + ',' + nasIp + ',' + nasIdentifier + ','
                + port;
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
