package com.traidnet.wificore.radius.server;

import com.traidnet.wificore.radius.packet.RadiusPacket;

import java.util.concurrent.CompletionStage;

/**
 * Answers verified requests of one port. The returned reply is unsigned (the endpoint adds
 * Message-Authenticator and the Response Authenticator); completing with {@code null} means
 * "no answer" (e.g. overloaded) and lets a retransmission try again.
 */
public interface RequestHandler {

    CompletionStage<RadiusPacket> handle(RadiusRequest request);

    /** The metric type tag of this port's requests. */
    String type();
}
