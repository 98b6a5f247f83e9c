package com.traidnet.wificore.realtime.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusMessageTest {

    @Test
    void broadcastRoundTripsAnyText() {
        Broadcast b = new Broadcast("1:2", "presence-a.b-c#d@e,f;g=h", "{\"data\":\"5:x-\\n:é\"}", "12.34");
        BusMessage m = new BusMessage.Deliver("node:1", b);

        assertThat(BusMessage.decode(BusMessage.encode(m))).isEqualTo(m);
    }

    @Test
    void nullAndEmptyFieldsStayApart() {
        BusMessage none = new BusMessage.Deliver("n", new Broadcast("a", "c", "", null));
        BusMessage empty = new BusMessage.Deliver("n", new Broadcast("a", "c", "-", ""));

        assertThat(BusMessage.decode(BusMessage.encode(none))).isEqualTo(none);
        assertThat(BusMessage.decode(BusMessage.encode(empty))).isEqualTo(empty);
    }

    @Test
    void terminateRoundTrips() {
        BusMessage m = new BusMessage.Terminate("n1", "app", "user-9");

        assertThat(BusMessage.encode(m)).isEqualTo("T2:n13:app6:user-9");
        assertThat(BusMessage.decode(BusMessage.encode(m))).isEqualTo(m);
    }

    @Test
    void malformedTextIsRefused() {
        assertThatThrownBy(() -> BusMessage.decode("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("X1:a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("T9:n1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("Tn1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("T2:n1")).isInstanceOf(IllegalArgumentException.class);
    }
}
