/**
 * The operator dashboard's summary (docs/web.md): what is online now, today's takings and
 * payment counts, active subscribers, and usage per day for the charts. Read-only and cheap on
 * purpose: like {@code reports}, it reads other modules' tenant tables ({@code radacct_sessions},
 * {@code radacct}, {@code payments}, {@code subscribers}) by SQL, each through an index or a
 * pruned range of radacct's daily partitions, so it answers fast on a tenant with millions of
 * accounting rows. Live changes reach the web app over the real-time channels, not by polling.
 */
package com.traidnet.wificore.dashboard;
