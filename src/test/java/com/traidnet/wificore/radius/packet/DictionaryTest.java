package com.traidnet.wificore.radius.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DictionaryTest {

    final Dictionary dictionary = Dictionary.standard();

    @ParameterizedTest
    @CsvSource({
        "User-Name,                   0,     1,   STRING",
        "Message-Authenticator,       0,     80,  OCTETS",
        "Event-Timestamp,             0,     55,  DATE",
        "Acct-Input-Gigawords,        0,     52,  INTEGER",
        "Acct-Output-Gigawords,       0,     53,  INTEGER",
        "Error-Cause,                 0,     101, INTEGER",
        "Framed-IPv6-Prefix,          0,     97,  IPV6PREFIX",
        "NAS-IPv6-Address,            0,     95,  IPV6ADDR",
        "MS-CHAP-Challenge,           311,   11,  OCTETS",
        "MS-CHAP2-Response,           311,   25,  OCTETS",
        "MS-CHAP2-Success,            311,   26,  OCTETS",
        "MS-CHAP-Error,               311,   2,   STRING",
        "MS-MPPE-Send-Key,            311,   16,  OCTETS",
        "MS-MPPE-Recv-Key,            311,   17,  OCTETS",
        "Mikrotik-Rate-Limit,         14988, 8,   STRING",
        "Mikrotik-Address-List,       14988, 19,  STRING",
        "WISPr-Billing-Class-Of-Service, 14122, 11, STRING",
        "ChilliSpot-Max-Total-Gigawords, 14559, 23, INTEGER",
        "Tenant-ID,                   64998, 1,   STRING",
    })
    void knowsTheAttributesNasDevicesSend(String name, int vendor, int type, DataType dataType) {
        AttributeDefinition d = dictionary.definition(name).orElseThrow();

        assertThat(d.vendorId()).isEqualTo(vendor);
        assertThat(d.type()).isEqualTo(type);
        assertThat(d.dataType()).isEqualTo(dataType);
    }

    @Test
    void matchesNamesCaseInsensitively() {
        assertThat(dictionary.definition("mikrotik-rate-limit")).isPresent();
        assertThat(dictionary.definition("No-Such-Attribute")).isEmpty();
    }

    @Test
    void namesTheVendors() {
        assertThat(dictionary.vendorName(14988)).contains("Mikrotik");
        assertThat(dictionary.vendorName(Dictionary.WIFICORE_VENDOR_ID)).contains("WifiCore");
    }

    @ParameterizedTest
    @CsvSource({
        "Acct-Status-Type, Start,          1",
        "Acct-Status-Type, Stop,           2",
        "Acct-Status-Type, Interim-Update, 3",
        "Acct-Status-Type, Accounting-On,  7",
        "Acct-Status-Type, Accounting-Off, 8",
        "Service-Type,     Framed-User,    2",
        "Service-Type,     Authorize-Only, 17",
        "Framed-Protocol,  PPP,            1",
        "NAS-Port-Type,    Wireless-802.11, 19",
        "NAS-Port-Type,    Ethernet,       15",
        "Acct-Terminate-Cause, Session-Timeout, 5",
    })
    void translatesEnumeratedValues(String name, String valueName, long number) {
        Attribute attribute = dictionary.attribute(name, valueName);

        assertThat(attribute.asInteger()).hasValue(number);
        assertThat(dictionary.format(attribute)).isEqualTo(valueName);
        assertThat(dictionary.attribute(name, Long.toString(number))).isEqualTo(attribute);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Session-Timeout      | 3600                         | 3600
            Session-Timeout      | 0x10                         | 16
            Framed-IP-Address    | 10.0.0.7                     | 10.0.0.7
            Event-Timestamp      | 1700000000                   | 2023-11-14T22:13:20Z
            Event-Timestamp      | 2023-11-14T22:13:20Z         | 2023-11-14T22:13:20Z
            NAS-IPv6-Address     | 2001:db8::1                  | 2001:db8:0:0:0:0:0:1
            Framed-IPv6-Prefix   | 2001:db8:1:2::/64            | 2001:db8:1:2:0:0:0:0/64
            Framed-Interface-Id  | 0011:2233:4455:6677          | 0011:2233:4455:6677
            Class                | 0xdeadbeef                   | 0xdeadbeef
            Reply-Message        | Karibu! ☕                     | Karibu! ☕
            """)
    void parsesAndFormatsEveryDataType(String name, String text, String formatted) {
        assertThat(dictionary.format(dictionary.attribute(name, text))).isEqualTo(formatted);
    }

    @Test
    void encodesIpv6PrefixesWithOnlyTheOctetsTheyCover() {
        // RFC 3162 §2.3: reserved, prefix length 64, 8 prefix octets
        assertThat(dictionary.attribute("Framed-IPv6-Prefix", "2001:db8:1:2::/64").value())
                .isEqualTo(Rfc2865ExamplesTest.hex("0040" + "20010db800010002"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Session-Timeout   | soon
            Session-Timeout   | 4294967296
            Session-Timeout   | -1
            Framed-IP-Address | 10.0.0.256
            Framed-IP-Address | example.com
            NAS-IPv6-Address  | example.com
            Event-Timestamp   | yesterday
            """)
    void refusesValuesThatDoNotParse(String name, String text) {
        assertThatThrownBy(() -> dictionary.attribute(name, text))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
    }

    @Test
    void refusesUnknownNames() {
        assertThatThrownBy(() -> dictionary.attribute("Bogus", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsMalformedWidthsAsHex() {
        assertThat(dictionary.format(Attribute.of(27, new byte[] {1, 2}))).isEqualTo("0x0102");
    }
}
