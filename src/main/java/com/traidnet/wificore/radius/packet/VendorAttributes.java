package com.traidnet.wificore.radius.packet;

import static com.traidnet.wificore.radius.packet.DataType.INTEGER;
import static com.traidnet.wificore.radius.packet.DataType.IPADDR;
import static com.traidnet.wificore.radius.packet.DataType.OCTETS;
import static com.traidnet.wificore.radius.packet.DataType.STRING;

import java.util.List;
import java.util.Map;

/**
 * Vendor-Specific attributes (RFC 2865 §5.26) of the vendors our NAS devices speak, checked
 * against the FreeRADIUS dictionaries (dictionary.microsoft, .mikrotik, .wispr, .chillispot)
 * and CoovaChilli's radius.h for the ChilliSpot gigaword attributes. A constants table.
 */
final class VendorAttributes {

    static final int MICROSOFT = 311;      // RFC 2548 §2
    static final int WISPR = 14122;
    static final int CHILLISPOT = 14559;
    static final int MIKROTIK = 14988;

    static final Map<Integer, String> VENDOR_NAMES = Map.of(
            MICROSOFT, "Microsoft",
            WISPR, "WISPr",
            CHILLISPOT, "ChilliSpot",
            MIKROTIK, "Mikrotik",
            Dictionary.WIFICORE_VENDOR_ID, "WifiCore");

    private VendorAttributes() {
    }

    static List<AttributeDefinition> all() {
        return java.util.stream.Stream.of(microsoft(), mikrotik(), wispr(), chilliSpot(), wifiCore())
                .flatMap(List::stream)
                .toList();
    }

    private static List<AttributeDefinition> microsoft() {
        return List.of(
                vsa(MICROSOFT, "MS-CHAP-Response", 1, OCTETS),
                vsa(MICROSOFT, "MS-CHAP-Error", 2, STRING),
                vsa(MICROSOFT, "MS-CHAP-CPW-1", 3, OCTETS),
                vsa(MICROSOFT, "MS-CHAP-CPW-2", 4, OCTETS),
                vsa(MICROSOFT, "MS-CHAP-LM-Enc-PW", 5, OCTETS),
                vsa(MICROSOFT, "MS-CHAP-NT-Enc-PW", 6, OCTETS),
                vsa(MICROSOFT, "MS-MPPE-Encryption-Policy", 7, INTEGER,
                        "Encryption-Allowed", 1, "Encryption-Required", 2),
                vsa(MICROSOFT, "MS-MPPE-Encryption-Types", 8, INTEGER,
                        "RC4-40bit-Allowed", 1, "RC4-128bit-Allowed", 2, "RC4-40or128-bit-Allowed", 6),
                vsa(MICROSOFT, "MS-RAS-Vendor", 9, INTEGER),
                vsa(MICROSOFT, "MS-CHAP-Domain", 10, STRING),
                vsa(MICROSOFT, "MS-CHAP-Challenge", 11, OCTETS),
                vsa(MICROSOFT, "MS-CHAP-MPPE-Keys", 12, OCTETS),
                vsa(MICROSOFT, "MS-MPPE-Send-Key", 16, OCTETS), // salt-encrypted, RFC 2548 §2.4.2
                vsa(MICROSOFT, "MS-MPPE-Recv-Key", 17, OCTETS), // salt-encrypted, RFC 2548 §2.4.3
                vsa(MICROSOFT, "MS-RAS-Version", 18, STRING),
                vsa(MICROSOFT, "MS-CHAP2-Response", 25, OCTETS),
                vsa(MICROSOFT, "MS-CHAP2-Success", 26, OCTETS),
                vsa(MICROSOFT, "MS-CHAP2-CPW", 27, OCTETS),
                vsa(MICROSOFT, "MS-Primary-DNS-Server", 28, IPADDR),
                vsa(MICROSOFT, "MS-Secondary-DNS-Server", 29, IPADDR),
                vsa(MICROSOFT, "MS-Primary-NBNS-Server", 30, IPADDR),
                vsa(MICROSOFT, "MS-Secondary-NBNS-Server", 31, IPADDR));
    }

    private static List<AttributeDefinition> mikrotik() {
        return List.of(
                vsa(MIKROTIK, "Mikrotik-Recv-Limit", 1, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Xmit-Limit", 2, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Group", 3, STRING),
                vsa(MIKROTIK, "Mikrotik-Wireless-Forward", 4, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Wireless-Skip-Dot1x", 5, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Wireless-Enc-Algo", 6, INTEGER,
                        "No-encryption", 0, "40-bit-WEP", 1, "104-bit-WEP", 2, "AES-CCM", 3, "TKIP", 4),
                vsa(MIKROTIK, "Mikrotik-Wireless-Enc-Key", 7, STRING),
                vsa(MIKROTIK, "Mikrotik-Rate-Limit", 8, STRING),
                vsa(MIKROTIK, "Mikrotik-Realm", 9, STRING),
                vsa(MIKROTIK, "Mikrotik-Host-IP", 10, IPADDR),
                vsa(MIKROTIK, "Mikrotik-Mark-Id", 11, STRING),
                vsa(MIKROTIK, "Mikrotik-Advertise-URL", 12, STRING),
                vsa(MIKROTIK, "Mikrotik-Advertise-Interval", 13, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Recv-Limit-Gigawords", 14, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Xmit-Limit-Gigawords", 15, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Wireless-PSK", 16, STRING),
                vsa(MIKROTIK, "Mikrotik-Total-Limit", 17, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Total-Limit-Gigawords", 18, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Address-List", 19, STRING),
                vsa(MIKROTIK, "Mikrotik-Wireless-MPKey", 20, STRING),
                vsa(MIKROTIK, "Mikrotik-Wireless-Comment", 21, STRING),
                vsa(MIKROTIK, "Mikrotik-Delegated-IPv6-Pool", 22, STRING),
                vsa(MIKROTIK, "Mikrotik-DHCP-Option-Set", 23, STRING),
                vsa(MIKROTIK, "Mikrotik-DHCP-Option-Param-STR1", 24, STRING),
                // FreeRADIUS spells this one "Mikortik-DHCP-Option-ParamSTR2"; MikroTik's own name here
                vsa(MIKROTIK, "Mikrotik-DHCP-Option-Param-STR2", 25, STRING),
                vsa(MIKROTIK, "Mikrotik-Wireless-VLANID", 26, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Wireless-VLANID-Type", 27, INTEGER),
                vsa(MIKROTIK, "Mikrotik-Wireless-Minsignal", 28, STRING),
                vsa(MIKROTIK, "Mikrotik-Wireless-Maxsignal", 29, STRING));
    }

    private static List<AttributeDefinition> wispr() {
        return List.of(
                vsa(WISPR, "WISPr-Location-ID", 1, STRING),
                vsa(WISPR, "WISPr-Location-Name", 2, STRING),
                vsa(WISPR, "WISPr-Logoff-URL", 3, STRING),
                vsa(WISPR, "WISPr-Redirection-URL", 4, STRING),
                vsa(WISPR, "WISPr-Bandwidth-Min-Up", 5, INTEGER),
                vsa(WISPR, "WISPr-Bandwidth-Min-Down", 6, INTEGER),
                vsa(WISPR, "WISPr-Bandwidth-Max-Up", 7, INTEGER),
                vsa(WISPR, "WISPr-Bandwidth-Max-Down", 8, INTEGER),
                vsa(WISPR, "WISPr-Session-Terminate-Time", 9, STRING),
                vsa(WISPR, "WISPr-Session-Terminate-End-Of-Day", 10, STRING),
                vsa(WISPR, "WISPr-Billing-Class-Of-Service", 11, STRING));
    }

    private static List<AttributeDefinition> chilliSpot() {
        return List.of(
                vsa(CHILLISPOT, "ChilliSpot-Max-Input-Octets", 1, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Max-Output-Octets", 2, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Max-Total-Octets", 3, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Bandwidth-Max-Up", 4, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Bandwidth-Max-Down", 5, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Config", 6, STRING),
                vsa(CHILLISPOT, "ChilliSpot-Lang", 7, STRING),
                vsa(CHILLISPOT, "ChilliSpot-Version", 8, STRING),
                vsa(CHILLISPOT, "ChilliSpot-OriginalURL", 9, STRING),
                vsa(CHILLISPOT, "ChilliSpot-Max-Input-Gigawords", 21, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Max-Output-Gigawords", 22, INTEGER),
                vsa(CHILLISPOT, "ChilliSpot-Max-Total-Gigawords", 23, INTEGER));
    }

    private static List<AttributeDefinition> wifiCore() {
        // see docs/radius-dictionary.md: the tenant slug or tenant UUID, for NAS addresses shared by tenants
        return List.of(vsa(Dictionary.WIFICORE_VENDOR_ID, "Tenant-ID", Dictionary.TENANT_ID_TYPE, STRING));
    }

    private static AttributeDefinition vsa(int vendorId, String name, int type, DataType dataType,
                                           Object... namedValues) {
        return Definitions.define(name, vendorId, type, dataType, namedValues);
    }
}
