/**
 * RADIUS AAA: the wire codec ({@code radius.packet}: packets, attributes, dictionary and
 * the RFC 2865/2866/2869/5176 authenticators, pure and free of I/O), the authentication
 * methods ({@code radius.auth}: PAP password checks, CHAP, MS-CHAPv2 and MPPE keys, also
 * pure), the NAS registry ({@code radius.nas}: the tenant API for routers and their
 * encrypted shared secrets, and the in-memory directory the server looks NAS up in), and
 * later the Netty UDP server and the CoA/Disconnect client built on them.
 */
package com.traidnet.wificore.radius;
