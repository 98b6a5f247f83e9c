package com.traidnet.wificore.radius.coa;

import static com.traidnet.wificore.radius.coa.CoaClientTest.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import com.traidnet.wificore.radius.packet.Attribute;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@link CoaClient} against a NAS written on python3-pyrad ({@code src/test/resources/nas/coa_nas.py}):
 * the NAS checks the Request Authenticator and Message-Authenticator with code we did not write,
 * and reports what it received. No Spring context: the client is plain Java.
 */
class CoaClientIT {

    static final String SECRET = "coa-it-secret";
    static final Duration SEEN_WITHIN = Duration.ofSeconds(5);
    static final List<Attribute> SESSION = List.of(
            attribute("User-Name", "alice"), attribute("Acct-Session-Id", "8000001A"),
            attribute("Framed-IP-Address", "10.5.0.23"));

    // a long timeout where an answer is expected, so a slow machine does not turn Ack(1) into Ack(2)
    final CoaClient patient = new CoaClient(new CoaSettings(Duration.ofSeconds(2), 3), Clock.systemUTC());
    final CoaClient impatient = new CoaClient(new CoaSettings(Duration.ofMillis(400), 3), Clock.systemUTC());

    @BeforeAll
    static void pyradIsInstalled() throws InterruptedException {
        PyradNas.requirePyrad();
    }

    @AfterEach
    void closeClients() {
        patient.close();
        impatient.close();
    }

    @Test
    void disconnectIsAckedAndTheNasSeesTheSession() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "ack")) {
            CoaOutcome outcome = patient.disconnect(nas.address(), secret(), SESSION).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Ack(1));
            JsonNode seen = nas.nextRequest(SEEN_WITHIN);
            assertAuthentic(seen);
            assertThat(seen.get("codeName").asString()).isEqualTo("Disconnect-Request");
            assertThat(values(seen, "User-Name")).containsExactly("alice");
            assertThat(values(seen, "Acct-Session-Id")).containsExactly("8000001A");
            assertThat(values(seen, "Framed-IP-Address")).containsExactly("10.5.0.23");
            assertThat(seen.path("attributes").has("Event-Timestamp")).isTrue();
        }
    }

    @Test
    void coaCarriesTheNewRateLimit() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "ack")) {
            List<Attribute> change = List.of(attribute("User-Name", "alice"), attribute("Acct-Session-Id", "8000001A"),
                    attribute("Mikrotik-Rate-Limit", "5M/10M"));

            CoaOutcome outcome = patient.coa(nas.address(), secret(), change).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Ack(1));
            JsonNode seen = nas.nextRequest(SEEN_WITHIN);
            assertAuthentic(seen);
            assertThat(seen.get("code").asInt()).isEqualTo(43);
            assertThat(values(seen, "Mikrotik-Rate-Limit")).containsExactly("5M/10M");
        }
    }

    @Test
    void nakReportsTheErrorCause() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "nak", "--nak-cause", "503")) {
            assertThat(patient.disconnect(nas.address(), secret(), SESSION).get()).isEqualTo(new CoaOutcome.Nak(1, 503));
            assertThat(patient.coa(nas.address(), secret(), SESSION).get()).isEqualTo(new CoaOutcome.Nak(1, 503));
        }
    }

    @Test
    void silentNasTimesOutAfterThreeIdenticalAttempts() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "silent")) {
            CoaOutcome outcome = impatient.disconnect(nas.address(), secret(), SESSION).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Timeout(3));
            List<JsonNode> seen = nas.requestsUntilQuietFor(Duration.ofSeconds(1));
            assertThat(seen).hasSize(3).allSatisfy(CoaClientIT::assertAuthentic);
            assertThat(seen.stream().map(r -> r.get("raw").asString()).distinct())
                    .as("retransmissions repeat identifier and authenticator").hasSize(1);
        }
    }

    @Test
    void retransmissionIsAnsweredWhenTheFirstIsLost() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "drop-first")) {
            CoaOutcome outcome = patient.coa(nas.address(), secret(), SESSION).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Ack(2));
            List<JsonNode> seen = List.of(nas.nextRequest(SEEN_WITHIN), nas.nextRequest(SEEN_WITHIN));
            assertThat(seen).extracting(r -> r.get("action").asString()).containsExactly("ignored", "ack");
            assertThat(seen.get(1).get("raw")).isEqualTo(seen.get(0).get("raw"));
        }
    }

    @Test
    void nasWithAnotherSecretDiscardsTheRequest() throws Exception {
        try (PyradNas nas = PyradNas.start("not-" + SECRET, "ack")) {
            CoaOutcome outcome = impatient.disconnect(nas.address(), secret(), SESSION).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Timeout(3));
            assertThat(nas.requestsUntilQuietFor(Duration.ofSeconds(1))).hasSize(3).allSatisfy(seen -> {
                assertThat(seen.get("requestAuthenticatorValid").asBoolean()).isFalse();
                assertThat(seen.get("action").asString()).isEqualTo("discarded");
            });
        }
    }

    @Test
    void bogusRepliesAreCountedAndIgnored() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "bogus-first")) {
            long before = patient.bogusReplies();

            CoaOutcome outcome = patient.disconnect(nas.address(), secret(), SESSION).get();

            assertThat(outcome).isEqualTo(new CoaOutcome.Ack(1));
            // wrong identifier, wrong secret, truncated: all sent before the good reply, so all counted
            assertThat(patient.bogusReplies() - before).isEqualTo(3);
        }
    }

    @Test
    void manyRequestsInFlightAtOnce() throws Exception {
        try (PyradNas nas = PyradNas.start(SECRET, "ack")) {
            List<CompletableFuture<CoaOutcome>> outcomes = IntStream.range(0, 50)
                    .mapToObj(i -> patient.disconnect(nas.address(), secret(),
                            List.of(attribute("User-Name", "user" + i), attribute("Acct-Session-Id", "s" + i))))
                    .toList();

            assertThat(outcomes).allSatisfy(f -> assertThat(f.get()).isInstanceOf(CoaOutcome.Ack.class));
            Set<String> users = nas.requestsUntilQuietFor(Duration.ofSeconds(1)).stream()
                    .map(r -> values(r, "User-Name").getFirst()).collect(Collectors.toSet());
            assertThat(users).hasSize(50).contains("user0", "user49");
        }
    }

    private static void assertAuthentic(JsonNode seen) {
        assertThat(seen.get("requestAuthenticatorValid").asBoolean()).as("Request Authenticator").isTrue();
        assertThat(seen.get("messageAuthenticator").asString()).as("Message-Authenticator").isEqualTo("valid");
    }

    private static List<String> values(JsonNode seen, String attribute) {
        return seen.path("attributes").path(attribute).valueStream().map(JsonNode::asString).toList();
    }

    private static byte[] secret() {
        return SECRET.getBytes(StandardCharsets.UTF_8);
    }
}
