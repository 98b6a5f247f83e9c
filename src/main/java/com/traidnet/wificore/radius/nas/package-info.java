/**
 * The NAS registry: the routers (NAS) each tenant allows to talk RADIUS to us, with their
 * shared secrets encrypted at rest ({@code platform.SecretBox}). {@link
 * com.traidnet.wificore.radius.nas.NasController} is the tenant API ({@code /api/nas});
 * {@link com.traidnet.wificore.radius.nas.NasDirectory} is the in-memory snapshot of every
 * tenant's NAS that the RADIUS server consults per packet, reloaded on the
 * {@code wificore_nas} notification.
 */
package com.traidnet.wificore.radius.nas;
