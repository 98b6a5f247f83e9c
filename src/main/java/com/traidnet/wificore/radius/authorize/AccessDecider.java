package com.traidnet.wificore.radius.authorize;

import com.traidnet.wificore.radius.auth.Chap;
import com.traidnet.wificore.radius.auth.MsChapV2;
import com.traidnet.wificore.radius.auth.PasswordCheck;
import com.traidnet.wificore.radius.packet.Attribute;
import com.traidnet.wificore.radius.packet.Dictionary;
import com.traidnet.wificore.radius.packet.RadiusCodecException;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.packet.UserPassword;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * After authorize: Auth-Type, the password (PAP, CHAP or MS-CHAPv2 against whichever
 * known-good password the control list holds), Expiration, the time and data caps and
 * Simultaneous-Use; then the reply, with Session-Timeout cut to what the account has left
 * and the remaining data sent as the NAS's own limit attributes. Pure: the caller supplies
 * the accounting facts.
 */
final class AccessDecider {

    private static final Logger log = LoggerFactory.getLogger(AccessDecider.class);
    private static final long GIGAWORD = 1L << 32;

    private final Dictionary dictionary = Dictionary.standard();

    Decision decide(Authorization.Granted granted, RadiusPacket request, byte[] secret, String nasType,
                    Instant now, SessionFacts facts) {
        String authType = granted.control(Limits.AUTH_TYPE).map(AvPair::value).orElse("");
        if (authType.equalsIgnoreCase("Reject")) {
            return reject(Reason.AUTH_TYPE_REJECT, "Auth-Type := Reject");
        }
        List<Attribute> methodReply = List.of();
        if (!authType.equalsIgnoreCase("Accept")) {
            Decision credentials = checkCredentials(granted, request, secret);
            if (credentials instanceof Decision.Reject rejected) {
                return rejected;
            }
            methodReply = credentials.attributes();
        }
        long remainingSeconds = Long.MAX_VALUE;
        Optional<AvPair> expiration = granted.control(Limits.EXPIRATION);
        if (expiration.isPresent()) {
            Instant at;
            try {
                at = ControlAttributes.expiration(expiration.get().value());
            } catch (IllegalArgumentException | java.time.DateTimeException e) {
                // unreadable means we cannot tell it has not passed: closed, not open
                return reject(Reason.EXPIRED, "unreadable Expiration " + expiration.get().value());
            }
            if (!now.isBefore(at)) {
                return reject(Reason.EXPIRED, "expired at " + at);
            }
            remainingSeconds = Duration.between(now, at).toSeconds();
        }
        OptionalLong timeCap = granted.controlNumber(Limits.MAX_ALL_SESSION);
        if (timeCap.isPresent()) {
            if (facts.usedSeconds() >= timeCap.getAsLong()) {
                return reject(Reason.TIME_QUOTA, facts.usedSeconds() + " of " + timeCap.getAsLong() + " s used");
            }
            remainingSeconds = Math.min(remainingSeconds, timeCap.getAsLong() - facts.usedSeconds());
        }
        OptionalLong dataCap = granted.controlNumber(Limits.MAX_TOTAL_OCTETS);
        if (dataCap.isPresent() && facts.usedOctets() >= dataCap.getAsLong()) {
            return reject(Reason.DATA_QUOTA, facts.usedOctets() + " of " + dataCap.getAsLong() + " octets used");
        }
        OptionalLong simultaneous = granted.controlNumber(Limits.SIMULTANEOUS_USE);
        if (simultaneous.isPresent() && facts.openSessions() >= simultaneous.getAsLong()) {
            return reject(Reason.SIMULTANEOUS_USE, facts.openSessions() + " open of " + simultaneous.getAsLong());
        }

        List<AvPair> reply = new ArrayList<>(granted.reply());
        if (remainingSeconds != Long.MAX_VALUE) {
            capSessionTimeout(reply, remainingSeconds);
        }
        if (dataCap.isPresent()) {
            addDataLimit(reply, dataCap.getAsLong() - facts.usedOctets(), nasType);
        }
        List<Attribute> attributes = new ArrayList<>(toAttributes(reply));
        attributes.addAll(methodReply);
        return new Decision.Accept(List.copyOf(attributes));
    }

    /** Accept carrying the method's own reply attributes (MS-CHAP2-Success, MPPE keys), or Reject. */
    private Decision checkCredentials(Authorization.Granted granted, RadiusPacket request, byte[] secret) {
        List<AvPair> passwords = granted.control().stream().filter(p -> PasswordCheck.supports(p.attribute())).toList();
        if (passwords.isEmpty()) {
            return reject(Reason.NO_PASSWORD, "no password control item");
        }
        if (MsChapV2.isMsChapV2(request)) {
            Optional<byte[]> nt = passwords.stream()
                    .flatMap(p -> PasswordCheck.ntPasswordHash(p.attribute(), p.value()).stream()).findFirst();
            if (nt.isEmpty()) {
                return reject(Reason.NO_PASSWORD, "MS-CHAPv2 needs Cleartext-Password or NT-Password");
            }
            return switch (MsChapV2.authenticate(request, nt.get(), secret)) {
                case MsChapV2.Accepted accepted -> new Decision.Accept(accepted.replyAttributes());
                case MsChapV2.Rejected rejected ->
                        new Decision.Reject(Reason.BAD_PASSWORD, rejected.reason(), rejected.replyAttributes());
            };
        }
        if (Chap.isChap(request)) {
            Optional<byte[]> clear = passwords.stream()
                    .flatMap(p -> PasswordCheck.cleartext(p.attribute(), p.value()).stream()).findFirst();
            if (clear.isEmpty()) {
                return reject(Reason.NO_PASSWORD, "CHAP needs Cleartext-Password");
            }
            return Chap.verify(request, clear.get()) ? new Decision.Accept(List.of()) : reject(Reason.BAD_PASSWORD, "CHAP");
        }
        Optional<byte[]> given;
        try {
            given = UserPassword.of(request, secret);
        } catch (RadiusCodecException e) {
            return reject(Reason.BAD_PASSWORD, "User-Password: " + e.getMessage());
        }
        if (given.isEmpty()) {
            return reject(Reason.UNSUPPORTED_METHOD, "no User-Password, CHAP-Password or MS-CHAP2-Response");
        }
        for (AvPair p : passwords) {
            if (PasswordCheck.matches(p.attribute(), p.value(), given.get())) {
                return new Decision.Accept(List.of());
            }
        }
        return reject(Reason.BAD_PASSWORD, "PAP");
    }

    private Decision.Reject reject(Reason reason, String detail) {
        List<Attribute> attributes = reason.replyMessage() == null ? List.of()
                : List.of(dictionary.attribute("Reply-Message", reason.replyMessage()));
        return new Decision.Reject(reason, detail, attributes);
    }

    private static void capSessionTimeout(List<AvPair> reply, long remaining) {
        long current = reply.stream().filter(p -> p.named(Limits.SESSION_TIMEOUT)).findFirst()
                .map(p -> parseOr(p.value(), Long.MAX_VALUE)).orElse(Long.MAX_VALUE);
        long timeout = Math.max(1, Math.min(current, remaining));
        reply.removeIf(p -> p.named(Limits.SESSION_TIMEOUT));
        reply.add(new AvPair(Limits.SESSION_TIMEOUT, ":=", Long.toString(Math.min(timeout, 0xFFFFFFFFL))));
    }

    /** MikroTik and ChilliSpot count a total-octets limit themselves; other NAS get both (unknown VSAs are ignored). */
    private static void addDataLimit(List<AvPair> reply, long remaining, String nasType) {
        boolean chilli = "chillispot".equalsIgnoreCase(nasType);
        boolean mikrotik = "mikrotik".equalsIgnoreCase(nasType);
        String low = Long.toString(remaining % GIGAWORD);
        String high = Long.toString(remaining / GIGAWORD);
        if (!chilli) {
            setIfAbsent(reply, "Mikrotik-Total-Limit", low);
            setIfAbsent(reply, "Mikrotik-Total-Limit-Gigawords", high);
        }
        if (!mikrotik) {
            setIfAbsent(reply, "ChilliSpot-Max-Total-Octets", low);
            setIfAbsent(reply, "ChilliSpot-Max-Total-Gigawords", high);
        }
    }

    private static void setIfAbsent(List<AvPair> reply, String attribute, String value) {
        if (reply.stream().noneMatch(p -> p.named(attribute))) {
            reply.add(new AvPair(attribute, "=", value));
        }
    }

    private List<Attribute> toAttributes(List<AvPair> reply) {
        List<Attribute> attributes = new ArrayList<>(reply.size());
        for (AvPair p : reply) {
            try {
                attributes.add(dictionary.attribute(p.attribute(), p.value()));
            } catch (IllegalArgumentException e) {
                // a bad radreply row must not lock the user out; it is reported, not sent
                log.warn("reply item {} {} {} skipped: {}", p.attribute(), p.op(), p.value(), e.getMessage());
            }
        }
        return attributes;
    }

    private static long parseOr(String text, long fallback) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
