package com.traidnet.wificore.radius.nas;

/**
 * A validated NAS to create, or to replace an existing one with.
 *
 * @param secret the new shared secret, or null (updates only) to keep the current one
 */
record NasSpec(String name, NasAddress address, byte[] secret, String type, int coaPort,
               boolean requireMessageAuthenticator, String description) {
}
