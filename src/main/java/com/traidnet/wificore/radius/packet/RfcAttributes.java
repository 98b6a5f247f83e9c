package com.traidnet.wificore.radius.packet;

import static com.traidnet.wificore.radius.packet.DataType.DATE;
import static com.traidnet.wificore.radius.packet.DataType.IFID;
import static com.traidnet.wificore.radius.packet.DataType.INTEGER;
import static com.traidnet.wificore.radius.packet.DataType.IPADDR;
import static com.traidnet.wificore.radius.packet.DataType.IPV6ADDR;
import static com.traidnet.wificore.radius.packet.DataType.IPV6PREFIX;
import static com.traidnet.wificore.radius.packet.DataType.OCTETS;
import static com.traidnet.wificore.radius.packet.DataType.STRING;

import java.util.List;

/**
 * Standard attributes (vendor 0), names and types as in the FreeRADIUS dictionaries so that
 * {@code radcheck}/{@code radreply} rows written for FreeRADIUS mean the same here.
 * A constants table: longer than a class should be, on purpose.
 */
final class RfcAttributes {

    private RfcAttributes() {
    }

    static List<AttributeDefinition> all() {
        return List.of(
                // RFC 2865 §5
                std("User-Name", 1, STRING),
                std("User-Password", 2, OCTETS), // hidden, RFC 2865 §5.2
                std("CHAP-Password", 3, OCTETS),
                std("NAS-IP-Address", 4, IPADDR),
                std("NAS-Port", 5, INTEGER),
                std("Service-Type", 6, INTEGER,
                        "Login-User", 1, "Framed-User", 2, "Callback-Login-User", 3, "Callback-Framed-User", 4,
                        "Outbound-User", 5, "Administrative-User", 6, "NAS-Prompt-User", 7,
                        "Authenticate-Only", 8, "Callback-NAS-Prompt", 9, "Call-Check", 10,
                        "Callback-Administrative", 11,
                        "Authorize-Only", 17), // RFC 5176 §3.2
                std("Framed-Protocol", 7, INTEGER,
                        "PPP", 1, "SLIP", 2, "ARAP", 3, "Gandalf-SLML", 4, "Xylogics-IPX-SLIP", 5,
                        "X.75-Synchronous", 6),
                std("Framed-IP-Address", 8, IPADDR),
                std("Framed-IP-Netmask", 9, IPADDR),
                std("Framed-Routing", 10, INTEGER, "None", 0, "Broadcast", 1, "Listen", 2, "Broadcast-Listen", 3),
                std("Filter-Id", 11, STRING),
                std("Framed-MTU", 12, INTEGER),
                std("Framed-Compression", 13, INTEGER,
                        "None", 0, "Van-Jacobson-TCP-IP", 1, "IPX-Header-Compression", 2, "Stac-LZS", 3),
                std("Login-IP-Host", 14, IPADDR),
                std("Login-Service", 15, INTEGER,
                        "Telnet", 0, "Rlogin", 1, "TCP-Clear", 2, "PortMaster", 3, "LAT", 4, "X25-PAD", 5,
                        "X25-T3POS", 6, "TCP-Clear-Quiet", 8),
                std("Login-TCP-Port", 16, INTEGER),
                std("Reply-Message", 18, STRING),
                std("Callback-Number", 19, STRING),
                std("Callback-Id", 20, STRING),
                std("Framed-Route", 22, STRING),
                std("Framed-IPX-Network", 23, IPADDR),
                std("State", 24, OCTETS),
                std("Class", 25, OCTETS),
                std("Session-Timeout", 27, INTEGER),
                std("Idle-Timeout", 28, INTEGER),
                std("Termination-Action", 29, INTEGER, "Default", 0, "RADIUS-Request", 1),
                std("Called-Station-Id", 30, STRING),
                std("Calling-Station-Id", 31, STRING),
                std("NAS-Identifier", 32, STRING),
                std("Proxy-State", 33, OCTETS),
                std("Login-LAT-Service", 34, STRING),
                std("Login-LAT-Node", 35, STRING),
                std("Login-LAT-Group", 36, OCTETS),
                std("Framed-AppleTalk-Link", 37, INTEGER),
                std("Framed-AppleTalk-Network", 38, INTEGER),
                std("Framed-AppleTalk-Zone", 39, STRING),
                // RFC 2866 §5
                std("Acct-Status-Type", 40, INTEGER,
                        "Start", 1, "Stop", 2, "Interim-Update", 3, "Accounting-On", 7, "Accounting-Off", 8,
                        "Failed", 15),
                std("Acct-Delay-Time", 41, INTEGER),
                std("Acct-Input-Octets", 42, INTEGER),
                std("Acct-Output-Octets", 43, INTEGER),
                std("Acct-Session-Id", 44, STRING),
                std("Acct-Authentic", 45, INTEGER, "RADIUS", 1, "Local", 2, "Remote", 3, "Diameter", 4),
                std("Acct-Session-Time", 46, INTEGER),
                std("Acct-Input-Packets", 47, INTEGER),
                std("Acct-Output-Packets", 48, INTEGER),
                std("Acct-Terminate-Cause", 49, INTEGER,
                        "User-Request", 1, "Lost-Carrier", 2, "Lost-Service", 3, "Idle-Timeout", 4,
                        "Session-Timeout", 5, "Admin-Reset", 6, "Admin-Reboot", 7, "Port-Error", 8,
                        "NAS-Error", 9, "NAS-Request", 10, "NAS-Reboot", 11, "Port-Unneeded", 12,
                        "Port-Preempted", 13, "Port-Suspended", 14, "Service-Unavailable", 15, "Callback", 16,
                        "User-Error", 17, "Host-Request", 18,
                        // RFC 3580 §3.23
                        "Supplicant-Restart", 19, "Reauthentication-Failure", 20, "Port-Reinit", 21,
                        "Port-Administratively-Disabled", 22),
                std("Acct-Multi-Session-Id", 50, STRING),
                std("Acct-Link-Count", 51, INTEGER),
                // RFC 2869 §5
                std("Acct-Input-Gigawords", 52, INTEGER),
                std("Acct-Output-Gigawords", 53, INTEGER),
                std("Event-Timestamp", 55, DATE),
                std("CHAP-Challenge", 60, OCTETS), // RFC 2865 §5.40
                std("NAS-Port-Type", 61, INTEGER, nasPortTypes()),
                std("Port-Limit", 62, INTEGER),
                std("Login-LAT-Port", 63, STRING),
                // RFC 2868 §3: tunnel attributes are tagged; tag 0 (untagged) is what these encode
                std("Tunnel-Type", 64, INTEGER, "PPTP", 1, "L2F", 2, "L2TP", 3, "GRE", 10, "VLAN", 13),
                std("Tunnel-Medium-Type", 65, INTEGER, "IPv4", 1, "IPv6", 2, "IEEE-802", 6),
                std("Acct-Tunnel-Connection", 68, STRING), // RFC 2867 §4.1
                std("ARAP-Password", 70, OCTETS),
                std("ARAP-Features", 71, OCTETS),
                std("ARAP-Zone-Access", 72, INTEGER,
                        "Default-Zone", 1, "Zone-Filter-Inclusive", 2, "Zone-Filter-Exclusive", 4),
                std("ARAP-Security", 73, INTEGER),
                std("ARAP-Security-Data", 74, STRING),
                std("Password-Retry", 75, INTEGER),
                std("Prompt", 76, INTEGER, "No-Echo", 0, "Echo", 1),
                std("Connect-Info", 77, STRING),
                std("Configuration-Token", 78, STRING),
                std("EAP-Message", 79, OCTETS),
                std("Message-Authenticator", 80, OCTETS),
                std("Tunnel-Private-Group-Id", 81, STRING), // RFC 2868 §3.6
                std("ARAP-Challenge-Response", 84, OCTETS),
                std("Acct-Interim-Interval", 85, INTEGER),
                std("Acct-Tunnel-Packets-Lost", 86, INTEGER), // RFC 2867 §4.2
                std("NAS-Port-Id", 87, STRING),
                std("Framed-Pool", 88, STRING),
                std("Chargeable-User-Identity", 89, OCTETS), // RFC 4372 §2
                // RFC 3162 §2
                std("NAS-IPv6-Address", 95, IPV6ADDR),
                std("Framed-Interface-Id", 96, IFID),
                std("Framed-IPv6-Prefix", 97, IPV6PREFIX),
                std("Login-IPv6-Host", 98, IPV6ADDR),
                std("Framed-IPv6-Route", 99, STRING),
                std("Framed-IPv6-Pool", 100, STRING),
                // RFC 5176 §3.5
                std("Error-Cause", 101, INTEGER,
                        "Residual-Context-Removed", 201, "Invalid-EAP-Packet", 202,
                        "Unsupported-Attribute", 401, "Missing-Attribute", 402, "NAS-Identification-Mismatch", 403,
                        "Invalid-Request", 404, "Unsupported-Service", 405, "Unsupported-Extension", 406,
                        "Invalid-Attribute-Value", 407,
                        "Administratively-Prohibited", 501, "Proxy-Request-Not-Routable", 502,
                        "Session-Context-Not-Found", 503, "Session-Context-Not-Removable", 504,
                        "Proxy-Processing-Error", 505, "Resources-Unavailable", 506, "Request-Initiated", 507,
                        "Multiple-Session-Selection-Unsupported", 508),
                std("Delegated-IPv6-Prefix", 123, IPV6PREFIX), // RFC 4818 §3
                // RFC 6911 §3
                std("Framed-IPv6-Address", 168, IPV6ADDR),
                std("DNS-Server-IPv6-Address", 169, IPV6ADDR),
                std("Delegated-IPv6-Prefix-Pool", 171, STRING),
                std("Stateful-IPv6-Address-Pool", 172, STRING));
    }

    private static Object[] nasPortTypes() {
        // RFC 2865 §5.41, extended by RFC 4603 and the IANA registry
        return new Object[] {
            "Async", 0, "Sync", 1, "ISDN", 2, "ISDN-V120", 3, "ISDN-V110", 4, "Virtual", 5, "PIAFS", 6,
            "HDLC-Clear-Channel", 7, "X.25", 8, "X.75", 9, "G.3-Fax", 10, "SDSL", 11, "ADSL-CAP", 12,
            "ADSL-DMT", 13, "IDSL", 14, "Ethernet", 15, "xDSL", 16, "Cable", 17, "Wireless-Other", 18,
            "Wireless-802.11", 19, "Token-Ring", 20, "FDDI", 21, "Wireless-CDMA2000", 22,
            "Wireless-UMTS", 23, "Wireless-1X-EV", 24, "IAPP", 25, "FTTP", 26, "Wireless-802.16", 27,
            "Wireless-802.20", 28, "Wireless-802.22", 29, "PPPoA", 30, "PPPoEoA", 31, "PPPoEoE", 32,
            "PPPoEoVLAN", 33, "PPPoEoQinQ", 34, "xPON", 35,
        };
    }

    private static AttributeDefinition std(String name, int type, DataType dataType, Object... namedValues) {
        return Definitions.define(name, 0, type, dataType, namedValues);
    }
}
