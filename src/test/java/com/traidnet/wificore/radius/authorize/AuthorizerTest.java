package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** FreeRADIUS operator meanings in the authorize step. */
class AuthorizerTest {

    private final Authorizer authorizer = new Authorizer();

    private static RadiusPacket request(String mac) {
        RadiusPacket.Builder b = RadiusPacket.request(PacketCode.ACCESS_REQUEST, 1).add("User-Name", "u")
                .add("NAS-Port", "5");
        if (mac != null) {
            b.add("Calling-Station-Id", mac);
        }
        return b.build();
    }

    private static AvPair p(String attribute, String op, String value) {
        return new AvPair(attribute, op, value);
    }

    @Test
    void unknownUserIsRefused() {
        var result = authorizer.authorize(new UserProfile("u", List.of(), List.of(), List.of()), List.of(), request(null));
        assertThat(result).isInstanceOf(Authorization.Refused.class);
    }

    @Test
    void userReplyWinsOverGroupSetIfAbsentButNotOverGroupReplace() {
        var user = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x")),
                List.of(p("Session-Timeout", "=", "100"), p("Idle-Timeout", "=", "10")), List.of("g"));
        var group = new GroupProfile("g", List.of(), List.of(p("Session-Timeout", "=", "999"),
                p("Idle-Timeout", ":=", "20"), p("Class", "+=", "a")));
        var granted = (Authorization.Granted) authorizer.authorize(user, List.of(group), request(null));
        assertThat(granted.reply()).containsExactly(p("Session-Timeout", "=", "100"), p("Idle-Timeout", ":=", "20"),
                p("Class", "+=", "a"));
        assertThat(granted.control()).containsExactly(p("Cleartext-Password", ":=", "x"));
    }

    @Test
    void comparisonsOnTheRequest() {
        var bound = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x"),
                p("Calling-Station-Id", "==", "AA-BB-CC-DD-EE-FF")), List.of(), List.of());
        assertThat(authorizer.authorize(bound, List.of(), request("aa:bb:cc:dd:ee:ff")))
                .isInstanceOf(Authorization.Granted.class);
        var refused = authorizer.authorize(bound, List.of(), request("aa:bb:cc:dd:ee:00"));
        assertThat(((Authorization.Refused) refused).reason()).isEqualTo(Reason.MAC_MISMATCH);
        assertThat(authorizer.authorize(bound, List.of(), request(null))).isInstanceOf(Authorization.Refused.class);

        var numeric = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x"), p("NAS-Port", ">=", "5"),
                p("NAS-Port", "<", "6"), p("Calling-Station-Id", "!*", "")), List.of(), List.of());
        assertThat(authorizer.authorize(numeric, List.of(), request(null))).isInstanceOf(Authorization.Granted.class);
        var notEqual = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x"), p("NAS-Port", "!=", "5")),
                List.of(), List.of());
        assertThat(authorizer.authorize(notEqual, List.of(), request(null))).isInstanceOf(Authorization.Refused.class);
        var regex = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x"), p("User-Name", "=~", "^u$")),
                List.of(), List.of());
        assertThat(authorizer.authorize(regex, List.of(), request(null))).isInstanceOf(Authorization.Granted.class);
    }

    @Test
    void aGroupWhoseCheckFailsIsSkippedNotFatal() {
        var user = new UserProfile("u", List.of(p("Cleartext-Password", ":=", "x")), List.of(), List.of("night", "all"));
        var night = new GroupProfile("night", List.of(p("NAS-Port", "==", "9")), List.of(p("Session-Timeout", "=", "1")));
        var all = new GroupProfile("all", List.of(p("Simultaneous-Use", ":=", "2")),
                List.of(p("Session-Timeout", "=", "60")));
        var granted = (Authorization.Granted) authorizer.authorize(user, List.of(night, all), request(null));
        assertThat(granted.reply()).containsExactly(p("Session-Timeout", "=", "60"));
        assertThat(granted.controlNumber("Simultaneous-Use")).hasValue(2);
        assertThat(granted.needsSessionFacts()).isTrue();
    }
}
