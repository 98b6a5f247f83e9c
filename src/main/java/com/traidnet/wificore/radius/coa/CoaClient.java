package com.traidnet.wificore.radius.coa;

import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.AttributeDefinition;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.PacketCodec;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Sends RFC 5176 Dynamic Authorization requests to a NAS: Disconnect-Request to end a session,
 * CoA-Request to change one (e.g. a new Mikrotik-Rate-Limit). Each request runs on its own
 * virtual thread and UDP socket; the future completes with the {@link CoaOutcome} and never
 * exceptionally. The request carries a Message-Authenticator and, unless the caller gave one,
 * an Event-Timestamp. Usable without Spring: {@code new CoaClient(CoaSettings.defaults(), Clock.systemUTC())}.
 */
@Component
public class CoaClient implements AutoCloseable {

    private static final AttributeDefinition EVENT_TIMESTAMP =
            Dictionary.standard().definition("Event-Timestamp").orElseThrow();

    private final CoaSettings settings;
    private final Clock clock;
    private final ExecutorService exchanges =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("radius-coa-", 0).factory());
    // each request has its own socket, so identifiers only need to vary, not to be unique
    private final AtomicInteger identifiers = new AtomicInteger(new SecureRandom().nextInt(256));
    private final LongAdder bogusReplies = new LongAdder();

    public CoaClient(CoaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends a Disconnect-Request (code 40), e.g. with User-Name, Acct-Session-Id, Framed-IP-Address. */
    public CompletableFuture<CoaOutcome> disconnect(InetSocketAddress nas, byte[] secret, List<Attribute> attributes) {
        return send(PacketCode.DISCONNECT_REQUEST, nas, secret, attributes);
    }

    /** Sends a CoA-Request (code 43): the session identification plus the attributes to change. */
    public CompletableFuture<CoaOutcome> coa(InetSocketAddress nas, byte[] secret, List<Attribute> attributes) {
        return send(PacketCode.COA_REQUEST, nas, secret, attributes);
    }

    /**
     * Sends a Disconnect-Request or CoA-Request and waits for the answer on a virtual thread.
     *
     * @throws IllegalArgumentException for another code or an empty secret (bugs, not NAS trouble)
     */
    public CompletableFuture<CoaOutcome> send(PacketCode code, InetSocketAddress nas, byte[] secret,
                                              List<Attribute> attributes) {
        if (code != PacketCode.DISCONNECT_REQUEST && code != PacketCode.COA_REQUEST) {
            throw new IllegalArgumentException(code + " is not a Disconnect-Request or CoA-Request");
        }
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("the shared secret must not be empty (RFC 2865 §3)");
        }
        if (nas.isUnresolved()) {
            return failed(code + ": cannot resolve the NAS address " + nas);
        }
        byte[] wire;
        try {
            wire = encode(code, secret, attributes);
        } catch (RadiusCodecException e) {
            return failed(code + ": " + e.getMessage());
        }
        CoaExchange exchange = new CoaExchange(new SentRequest(nas, code, wire, secret.clone()), settings, bogusReplies);
        try {
            return CompletableFuture.supplyAsync(exchange::run, exchanges);
        } catch (RejectedExecutionException e) {
            return failed(code + ": the CoA client is shut down");
        }
    }

    /** Replies discarded so far because they failed a check (sender, identifier, code, authenticators). */
    public long bogusReplies() {
        return bogusReplies.sum();
    }

    /** Lets requests in flight finish (at most timeout × attempts), then stops. */
    @Override
    public void close() {
        exchanges.close();
    }

    /** The request as sent, every attempt: identifier, Request Authenticator and all. */
    byte[] encode(PacketCode code, byte[] secret, List<Attribute> attributes) throws RadiusCodecException {
        RadiusPacket.Builder builder = RadiusPacket.request(code, identifiers.getAndIncrement() & 0xFF)
                .addAll(attributes);
        if (attributes.stream().noneMatch(EVENT_TIMESTAMP::matches)) {
            // RFC 5176 replay protection: without IPsec, requests SHOULD carry Event-Timestamp
            builder.add(Dictionary.standard().attribute(EVENT_TIMESTAMP.name(),
                    Long.toString(clock.instant().getEpochSecond())));
        }
        // RFC 5176 §3 / RFC 3579 §3.2; first in the packet, as the BlastRADIUS mitigations advise
        return PacketCodec.encode(builder.messageAuthenticator().build(), secret);
    }

    private static CompletableFuture<CoaOutcome> failed(String reason) {
        return CompletableFuture.completedFuture(new CoaOutcome.Failed(reason));
    }
}
