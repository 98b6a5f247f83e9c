/**
 * The RFC 5176 Dynamic Authorization client: Disconnect-Request and CoA-Request to a NAS,
 * with retransmission and checked replies, built on the pure codec in {@code radius.packet}.
 * Entry point: {@link com.traidnet.wificore.radius.coa.CoaClient}; results are
 * {@link com.traidnet.wificore.radius.coa.CoaOutcome}s. No Spring beyond the bean annotation
 * and its settings record, so tests create it with {@code new}.
 */
package com.traidnet.wificore.radius.coa;
