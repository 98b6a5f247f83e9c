package com.traidnet.wificore.radius.packet;

/** Attribute data types, named as in RFC 8044 and FreeRADIUS dictionaries. */
public enum DataType {
    /** UTF-8 text (RFC 8044 §3.5 "text"; FreeRADIUS "string"). */
    STRING,
    /** Opaque octets (RFC 8044 §3.6 "string"; FreeRADIUS "octets"). */
    OCTETS,
    /** 32-bit unsigned integer (RFC 8044 §3.1). */
    INTEGER,
    /** IPv4 address (RFC 8044 §3.8 "ipv4addr"). */
    IPADDR,
    /** Seconds since 1970-01-01T00:00:00Z, 32-bit unsigned (RFC 8044 §3.2 "time"). */
    DATE,
    /** IPv6 address (RFC 8044 §3.9). */
    IPV6ADDR,
    /** Reserved octet, prefix length, prefix (RFC 3162 §2.3, RFC 8044 §3.10). */
    IPV6PREFIX,
    /** 8-octet IPv6 interface identifier (RFC 3162 §2.2, RFC 8044 §3.7). */
    IFID
}
