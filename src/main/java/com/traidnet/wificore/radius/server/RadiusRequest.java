package com.traidnet.wificore.radius.server;

import com.traidnet.wificore.radius.nas.NasClient;
import com.traidnet.wificore.radius.packet.RadiusPacket;

import java.net.InetSocketAddress;

/** A request that passed every wire check: known NAS, good authenticators, not a duplicate. */
public record RadiusRequest(RadiusPacket packet, NasClient nas, InetSocketAddress source) {
}
