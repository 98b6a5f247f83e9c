package com.traidnet.wificore.radius.coa;

import com.traidnet.wificore.radius.packet.PacketCodec;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's conversation with a NAS, on a socket of its own: send, wait up to the timeout
 * for a valid answer while discarding anything bogus, retransmit the same octets, give up
 * after the last attempt. A socket per request means replies never need routing between
 * requests, so identifiers need not be unique and no state is shared. Blocking I/O on a
 * virtual thread costs no platform thread while it waits.
 */
final class CoaExchange {

    private static final Logger log = LoggerFactory.getLogger(CoaExchange.class);

    private final SentRequest request;
    private final CoaSettings settings;
    private final LongAdder bogusReplies;

    CoaExchange(SentRequest request, CoaSettings settings, LongAdder bogusReplies) {
        this.request = request;
        this.settings = settings;
        this.bogusReplies = bogusReplies;
    }

    CoaOutcome run() {
        try (DatagramSocket socket = new DatagramSocket()) {
            DatagramPacket out = new DatagramPacket(request.wire(), request.wire().length, request.nas());
            for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
                socket.send(out);
                Optional<Reply.Answer> answer = awaitAnswer(socket, System.nanoTime() + settings.timeout().toNanos());
                if (answer.isPresent()) {
                    return answer.get().outcome(attempt);
                }
            }
            return new CoaOutcome.Timeout(settings.attempts());
        } catch (IOException e) {
            // an interrupt (client shut down) closes the socket of a virtual thread blocked on it
            return new CoaOutcome.Failed(request.code() + " to " + request.nas() + ": " + e);
        }
    }

    /** Receives until a valid answer arrives or the deadline passes. */
    private Optional<Reply.Answer> awaitAnswer(DatagramSocket socket, long deadline) throws IOException {
        byte[] buffer = new byte[PacketCodec.MAX_LENGTH];
        while (true) {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                return Optional.empty();
            }
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            socket.setSoTimeout((int) remainingMillis);
            try {
                socket.receive(in);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            byte[] datagram = Arrays.copyOf(in.getData(), in.getLength());
            switch (Reply.classify(datagram, (InetSocketAddress) in.getSocketAddress(), request)) {
                case Reply.Answer answer -> {
                    return Optional.of(answer);
                }
                case Reply.Bogus bogus -> {
                    bogusReplies.increment();
                    log.warn("ignoring a reply to {} id {} sent to {}: {}", request.code(), request.identifier(),
                            request.nas(), bogus.why());
                }
            }
        }
    }
}
