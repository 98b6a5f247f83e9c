#!/usr/bin/python3
"""A NAS stand-in for testing WifiCore's RFC 5176 CoA/Disconnect client.

Built on Debian's python3-pyrad (not on WifiCore's codec), so a test that passes proves
the Java client interoperates with an implementation it did not write. pyrad decodes the
request and checks its Request Authenticator (RFC 5176 §2.3) and computes the Response
Authenticator of the reply; the Message-Authenticator (RFC 3579 §3.2), which pyrad 2.1
does not handle, is checked and computed here with the standard library's HMAC.

Prints one JSON line per received request to stdout, flushed, after a first line
{"ready": true, "port": N}. Stop it with SIGTERM.

  --mode ack         answer every valid request with an ACK
  --mode nak         answer with a NAK carrying Error-Cause (--nak-cause, default 503)
  --mode silent      never answer
  --mode drop-first  ignore the first transmission of each request, answer retransmissions
  --mode bogus-first before each ACK send three replies a client must discard: one with the
                     wrong identifier, one signed with the wrong secret, one truncated
Requests failing the authenticator checks are discarded unanswered (RFC 5176 §3 / §2.3).
"""
import argparse
import hashlib
import hmac
import json
import os
import struct
import sys
import traceback

from pyrad import packet, server
from pyrad.dictionary import Dictionary

MESSAGE_AUTHENTICATOR = 80
PROXY_STATE = 33
CODE_NAMES = {40: "Disconnect-Request", 43: "CoA-Request"}
ACK = {packet.DisconnectRequest: packet.DisconnectACK, packet.CoARequest: packet.CoAACK}
NAK = {packet.DisconnectRequest: packet.DisconnectNAK, packet.CoARequest: packet.CoANAK}


def attribute_offsets(raw, wanted_type):
    """Offsets of the values of every top-level attribute of wanted_type."""
    offsets, at = [], 20
    while at + 2 <= len(raw) and raw[at + 1] >= 2:
        if raw[at] == wanted_type:
            offsets.append(at + 2)
        at += raw[at + 1]
    return offsets


def message_authenticator_state(raw, secret):
    """'absent', 'valid' or 'invalid'. RFC 5176 §3 / RFC 3579 §3.2: HMAC-MD5 over the request
    with the Request Authenticator field and the attribute's value both taken as zeros."""
    offsets = attribute_offsets(raw, MESSAGE_AUTHENTICATOR)
    if not offsets:
        return "absent"
    if len(offsets) > 1 or raw[offsets[0] - 1] != 18:
        return "invalid"
    at = offsets[0]
    zeroed = raw[:4] + bytes(16) + raw[20:at] + bytes(16) + raw[at + 16:]
    expected = hmac.new(secret, zeroed, hashlib.md5).digest()
    return "valid" if hmac.compare_digest(expected, raw[at:at + 16]) else "invalid"


def json_value(value):
    return value.hex() if isinstance(value, bytes) else value


def attributes_by_name(pkt):
    named = {}
    for key in pkt.keys():
        if isinstance(key, str):
            named[key] = [json_value(v) for v in pkt[key]]
        else:
            named[str(key)] = [json_value(v) for v in dict.__getitem__(pkt, key)]
    return named


def signed_reply(request, code, secret, extra=()):
    """A reply with a Message-Authenticator first, then Proxy-State copied from the request
    (RFC 5176 §3), then extra (name, value) attributes, signed with secret."""
    reply = request.CreateReply()
    reply.code = code
    reply.secret = secret
    reply[MESSAGE_AUTHENTICATOR] = [bytes(16)]
    if PROXY_STATE in request:
        reply[PROXY_STATE] = list(dict.__getitem__(request, PROXY_STATE))
    for name, value in extra:
        reply.AddAttribute(name, value)
    # RFC 3579 §3.2: a reply's Message-Authenticator is computed with the request's authenticator
    attrs = reply._PktEncodeAttributes()
    header = struct.pack("!BBH", code, reply.id, 20 + len(attrs))
    mac = hmac.new(secret, header + request.authenticator + attrs, hashlib.md5).digest()
    reply[MESSAGE_AUTHENTICATOR] = [mac]
    return reply.ReplyPacket()  # pyrad: Response Authenticator, RFC 2865 §3


class CoaNas(server.Server):

    def __init__(self, options, dictionary):
        hosts = {options.client: server.RemoteHost(options.client, options.secret.encode(), "wificore")}
        super().__init__(addresses=[options.bind], coaport=options.port, hosts=hosts, dict=dictionary,
                         auth_enabled=False, acct_enabled=False, coa_enabled=True)
        self.options = options
        self.seen = set()
        # pyrad 2.1's _ProcessInput reads these even when auth and accounting are disabled
        self._realauthfds = []
        self._realacctfds = []

    def HandleCoaPacket(self, pkt):
        self.handle(pkt)

    def HandleDisconnectPacket(self, pkt):
        self.handle(pkt)

    def handle(self, pkt):
        try:
            self.respond(pkt)
        except Exception:  # keep serving: the test reads what the NAS saw, not a crash
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()

    def respond(self, pkt):
        raw = pkt.raw_packet
        authenticator_valid = pkt.VerifyCoARequest()
        message_authenticator = message_authenticator_state(raw, pkt.secret)
        key = (pkt.source, raw)
        first = key not in self.seen
        self.seen.add(key)
        action = self.decide(authenticator_valid and message_authenticator != "invalid", first)
        print(json.dumps({
            "code": pkt.code,
            "codeName": CODE_NAMES.get(pkt.code, str(pkt.code)),
            "identifier": pkt.id,
            "authenticator": pkt.authenticator.hex(),
            "requestAuthenticatorValid": authenticator_valid,
            "messageAuthenticator": message_authenticator,
            "attributes": attributes_by_name(pkt),
            "raw": raw.hex(),
            "action": action,
        }), flush=True)
        send = lambda data: pkt.fd.sendto(data, pkt.source)
        if action == "bogus-then-ack":
            for bogus in self.bogus_replies(pkt):
                send(bogus)
            action = "ack"
        if action == "ack":
            send(signed_reply(pkt, ACK[pkt.code], pkt.secret))
        elif action == "nak":
            send(signed_reply(pkt, NAK[pkt.code], pkt.secret, [("Error-Cause", self.options.nak_cause)]))

    def decide(self, authentic, first):
        mode = self.options.mode
        if not authentic:
            return "discarded"
        if mode == "silent" or (mode == "drop-first" and first):
            return "ignored"
        if mode == "bogus-first":
            return "bogus-then-ack"
        return "nak" if mode == "nak" else "ack"

    def bogus_replies(self, pkt):
        good = signed_reply(pkt, ACK[pkt.code], pkt.secret)
        other_id = bytes([good[0], (good[1] + 1) % 256]) + good[2:]
        wrong_secret = signed_reply(pkt, ACK[pkt.code], pkt.secret + b"-not")
        return [other_id, wrong_secret, good[:19]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=3799, help="UDP port; 0 picks a free one")
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--client", default="127.0.0.1", help="the only address requests are taken from")
    parser.add_argument("--secret", required=True)
    parser.add_argument("--mode", choices=["ack", "nak", "silent", "drop-first", "bogus-first"], default="ack")
    parser.add_argument("--nak-cause", type=int, default=503)
    parser.add_argument("--dictionary", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "dictionary"))
    options = parser.parse_args()

    nas = CoaNas(options, Dictionary(options.dictionary))
    print(json.dumps({"ready": True, "port": nas.coafds[0].getsockname()[1]}), flush=True)
    nas.Run()


if __name__ == "__main__":
    main()
