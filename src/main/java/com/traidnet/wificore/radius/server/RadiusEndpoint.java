package com.traidnet.wificore.radius.server;

import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.nas.NasDirectory;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Authenticators;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One RADIUS port without the network: every datagram goes through the same gate —
 * size, known NAS (by source address, then the Tenant-ID attribute where an address is
 * shared), authenticators and the BlastRADIUS Message-Authenticator rule, duplicate
 * detection — before its handler sees a {@link RadiusRequest}. Anything failing a check is
 * dropped without an answer and counted (RFC 2865 §3). Access-Accept/Reject/Challenge always
 * carry a Message-Authenticator, first (the BlastRADIUS mitigation). Accounting-Response does
 * not: RFC 2866 does not define one, its Response Authenticator already covers every octet,
 * and clients disagree on how to check it (FreeRADIUS's radclient hashes a zero vector where
 * RFC 5176's rule would use the request's), so adding one would break NAS that do check.
 * Every reply is kept for retransmissions.
 */
final class RadiusEndpoint {

    private static final Logger log = LoggerFactory.getLogger(RadiusEndpoint.class);
    private static final int MESSAGE_AUTHENTICATOR = 80;
    /** FreeRADIUS's max_attributes default: no NAS sends more; a flood is an attack or a bug. */
    static final int MAX_ATTRIBUTES = 200;

    private final PacketCode accepts;
    private final RequestHandler handler;
    private final NasDirectory nasDirectory;
    private final ReplayCache replays;
    private final RadiusMetrics metrics;

    RadiusEndpoint(PacketCode accepts, RequestHandler handler, NasDirectory nasDirectory, ReplayCache replays,
                   RadiusMetrics metrics) {
        this.accepts = accepts;
        this.handler = handler;
        this.nasDirectory = nasDirectory;
        this.replays = replays;
        this.metrics = metrics;
    }

    /** Handles one datagram; {@code send} may be called later, from another thread. */
    void receive(byte[] datagram, InetSocketAddress source, Consumer<byte[]> send) {
        long started = System.nanoTime();
        if (datagram.length < 20 || datagram.length > PacketCodec.MAX_LENGTH) {
            metrics.drop(DropReason.MALFORMED);
            return;
        }
        List<NasClient> candidates = nasDirectory.candidates(source.getAddress());
        if (candidates.isEmpty()) {
            metrics.drop(DropReason.UNKNOWN_NAS);
            return;
        }
        RadiusPacket packet;
        try {
            packet = PacketCodec.decode(datagram);
        } catch (RadiusCodecException e) {
            metrics.drop(e.getMessage() != null && e.getMessage().startsWith("unknown packet code")
                    ? DropReason.UNKNOWN_CODE : DropReason.MALFORMED);
            return;
        }
        if (packet.attributes().size() > MAX_ATTRIBUTES) {
            metrics.drop(DropReason.ATTRIBUTE_FLOOD);
            return;
        }
        boolean statusServer = packet.code() == PacketCode.STATUS_SERVER;
        if (packet.code() != accepts && !statusServer) {
            metrics.drop(DropReason.WRONG_PORT);
            return;
        }
        Optional<NasClient> chosen = choose(candidates, packet);
        if (chosen.isEmpty()) {
            metrics.drop(DropReason.AMBIGUOUS_NAS);
            return;
        }
        NasClient nas = chosen.get();
        if (!Authenticators.verifyRequest(datagram, nas.secret())) {
            metrics.drop(DropReason.BAD_AUTHENTICATOR);
            return;
        }
        if (packet.code() == PacketCode.ACCESS_REQUEST && nas.requireMessageAuthenticator()
                && packet.first(MESSAGE_AUTHENTICATOR).isEmpty()) {
            metrics.drop(DropReason.MISSING_MESSAGE_AUTHENTICATOR);
            return;
        }
        ReplayCache.Key key = ReplayCache.Key.of(source, datagram);
        ReplayCache.Entry seen = replays.claim(key);
        if (seen instanceof ReplayCache.Answered answered) {
            metrics.duplicate();
            send.accept(answered.reply());
            return;
        } else if (seen != null) {
            metrics.drop(DropReason.DUPLICATE_IN_PROGRESS);
            return;
        }
        if (statusServer) {
            // RFC 5997 §3: answered like a request of the port, with no side effects
            PacketCode answer = accepts == PacketCode.ACCESS_REQUEST ? PacketCode.ACCESS_ACCEPT
                    : PacketCode.ACCOUNTING_RESPONSE;
            reply(key, packet.reply(answer).build(), nas, send, started);
            return;
        }
        RadiusRequest request = new RadiusRequest(packet, nas, source);
        try {
            handler.handle(request).whenComplete((reply, failure) -> {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException c
                        && c.getCause() != null ? c.getCause() : failure;
                if (cause instanceof RadiusDrop drop) {
                    replays.forget(key);
                    metrics.drop(drop.reason());
                } else if (failure != null) {
                    log.warn("{} from {} failed: {}", packet.code(), source, failure.toString());
                    replays.forget(key);
                    metrics.drop(DropReason.INTERNAL_ERROR);
                } else if (reply == null) {
                    replays.forget(key);
                    metrics.drop(DropReason.OVERLOADED);
                } else {
                    reply(key, reply, nas, send, started);
                }
            });
        } catch (RadiusDrop drop) {
            replays.forget(key);
            metrics.drop(drop.reason());
        } catch (RuntimeException e) {
            log.warn("{} from {} failed: {}", packet.code(), source, e.toString());
            replays.forget(key);
            metrics.drop(DropReason.INTERNAL_ERROR);
        }
    }

    private void reply(ReplayCache.Key key, RadiusPacket reply, NasClient nas, Consumer<byte[]> send, long started) {
        byte[] wire;
        try {
            RadiusPacket signed = reply.code() == PacketCode.ACCOUNTING_RESPONSE ? reply
                    : withMessageAuthenticator(reply);
            wire = PacketCodec.encode(signed, nas.secret());
        } catch (RadiusCodecException e) {
            // e.g. reply items adding up to more than 4096 octets: a configuration error
            log.warn("reply to {} could not be encoded: {}", nas.name(), e.getMessage());
            replays.forget(key);
            metrics.drop(DropReason.INTERNAL_ERROR);
            return;
        }
        replays.answered(key, wire);
        send.accept(wire);
        metrics.latency(handler.type(), System.nanoTime() - started);
    }

    private static RadiusPacket withMessageAuthenticator(RadiusPacket reply) {
        if (reply.first(MESSAGE_AUTHENTICATOR).isPresent()) {
            return reply;
        }
        List<Attribute> attributes = new java.util.ArrayList<>(reply.attributes().size() + 1);
        attributes.add(Attribute.of(MESSAGE_AUTHENTICATOR, new byte[16]));
        attributes.addAll(reply.attributes());
        return new RadiusPacket(reply.code(), reply.identifier(), reply.authenticator(), attributes);
    }

    /** One candidate: it. Several tenants share the address: the Tenant-ID attribute names one. */
    private static Optional<NasClient> choose(List<NasClient> candidates, RadiusPacket packet) {
        if (candidates.size() == 1) {
            return Optional.of(candidates.getFirst());
        }
        Optional<String> tenant = packet.attributes().stream()
                .filter(a -> a.isVendorSpecific() && a.vendorId() == Dictionary.WIFICORE_VENDOR_ID
                        && a.vendorType() == Dictionary.TENANT_ID_TYPE)
                .map(Attribute::asString).map(String::trim).findFirst();
        return tenant.flatMap(t -> candidates.stream()
                .filter(n -> n.tenant().value().toString().equalsIgnoreCase(t)).findFirst());
    }
}
