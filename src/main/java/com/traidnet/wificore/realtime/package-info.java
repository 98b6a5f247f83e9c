/**
 * Real-time (docs/realtime.md): a Pusher-protocol-7 WebSocket server with its signed HTTP
 * API, tenant-scoped channels and fan-out across nodes. Subpackages, from the wire inwards:
 * {@code realtime.server} — Netty: the WebSocket and HTTP API port, the metrics port;
 * {@code realtime.protocol} — pure: frames, channel names, signatures, error codes;
 * {@code realtime.channels} — this node's connections and subscriptions, presence, limits;
 * {@code realtime.cluster} — the fan-out adapter (in-process or Redis pub/sub);
 * {@code realtime.webhooks} — signed, batched, retried webhooks. Other modules publish
 * through {@link com.traidnet.wificore.realtime.RealtimePublisher}.
 */
package com.traidnet.wificore.realtime;
