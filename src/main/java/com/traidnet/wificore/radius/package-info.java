/**
 * RADIUS AAA (docs/radius.md). Subpackages, from the wire inwards:
 * {@code radius.packet} — the pure codec (packets, attributes, dictionary, RFC 2865/2866/
 * 2869/3579/5176 authenticators); {@code radius.auth} — pure PAP/CHAP/MS-CHAPv2 checks;
 * {@code radius.server} — the Netty UDP ports and the gate every datagram passes (NAS,
 * authenticators, duplicates, drop counters); {@code radius.nas} — the NAS registry and its
 * in-memory directory; {@code radius.authorize} — FreeRADIUS-style authorize/authenticate
 * from cached tenant tables, and radpostauth; {@code radius.accounting} — group-commit
 * radacct writes and the stale-session sweep; {@code radius.coa} — the RFC 5176 client;
 * {@code radius.admin} — the tenant HTTP API for RADIUS users, groups, sessions, post-auth
 * and session Disconnect/CoA. The module's API for others is the session events
 * {@link com.traidnet.wificore.radius.RadiusSessionStarted} and
 * {@link com.traidnet.wificore.radius.RadiusSessionStopped}, and
 * {@link com.traidnet.wificore.radius.SessionControl} to disconnect a user's live sessions.
 */
package com.traidnet.wificore.radius;
