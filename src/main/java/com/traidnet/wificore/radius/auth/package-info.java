/**
 * RADIUS authentication methods, pure like {@code radius.packet}: checking a PAP password
 * against a stored "known good" value (FreeRADIUS {@code radcheck} semantics), CHAP
 * (RFC 1994, RFC 2865 §2.2), and MS-CHAPv2 (RFC 2759) with MPPE keys (RFC 3079, RFC 2548).
 */
package com.traidnet.wificore.radius.auth;
