/**
 * The pure RADIUS codec: immutable packets and attributes, the attribute dictionary, and
 * the packet-level cryptography (Request/Response Authenticators, Message-Authenticator,
 * User-Password hiding). No sockets, no Netty, no Spring: bytes in, records out, and one
 * checked {@link com.traidnet.wificore.radius.packet.RadiusCodecException} for malformed input.
 */
package com.traidnet.wificore.radius.packet;
