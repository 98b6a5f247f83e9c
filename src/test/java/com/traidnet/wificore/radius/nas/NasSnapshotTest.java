package com.traidnet.wificore.radius.nas;

import com.traidnet.wificore.tenant.TenantId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.traidnet.wificore.radius.nas.NasClientTest.ip;
import static com.traidnet.wificore.radius.nas.NasClientTest.mapped;
import static com.traidnet.wificore.radius.nas.NasClientTest.nas;
import static org.assertj.core.api.Assertions.assertThat;

class NasSnapshotTest {

    private final TenantId a = TenantId.random();
    private final TenantId b = TenantId.random();

    @Test
    void oneEntryPerTenantMostSpecificFirst() throws Exception {
        var aHost = nas(a, "10.0.0.5");
        var aRange = nas(a, "10.0.0.0/24");
        var aWide = nas(a, "10.0.0.0/8");
        var bRange = nas(b, "10.0.0.0/16");
        var bOther = nas(b, "10.9.0.0/16");
        var snapshot = NasSnapshot.of(List.of(aWide, bOther, aRange, bRange, aHost));

        assertThat(snapshot.candidates(ip("10.0.0.5"))).containsExactly(aHost, bRange);
        assertThat(snapshot.candidates(mapped("10.0.0.5"))).containsExactly(aHost, bRange);
        assertThat(snapshot.candidates(ip("10.0.0.6"))).containsExactly(aRange, bRange);
        assertThat(snapshot.candidates(ip("10.0.1.1"))).containsExactly(bRange, aWide);
        assertThat(snapshot.candidates(ip("10.9.3.3"))).containsExactly(bOther, aWide);
        assertThat(snapshot.candidates(ip("11.0.0.1"))).isEmpty();
        assertThat(snapshot.candidates(ip("::ffff:10.0.0.5"))).containsExactly(aHost, bRange);
        assertThat(snapshot.byId(aRange.id())).isSameAs(aRange);
    }

    @Test
    void theSameAddressInTwoTenantsGivesBoth() {
        var aNas = nas(a, "192.0.2.1");
        var bNas = nas(b, "192.0.2.1");
        assertThat(NasSnapshot.of(List.of(aNas, bNas)).candidates(ip("192.0.2.1")))
                .containsExactlyInAnyOrder(aNas, bNas);
    }

    @Test
    void familiesAreSeparate() {
        var v6All = nas(a, "::/0");
        var v4All = nas(b, "0.0.0.0/0");
        var v6Host = nas(b, "2001:db8::1");
        var snapshot = NasSnapshot.of(List.of(v6All, v4All, v6Host));
        assertThat(snapshot.candidates(ip("192.0.2.1"))).containsExactly(v4All);
        assertThat(snapshot.candidates(ip("2001:db8::1"))).containsExactly(v6Host, v6All);
        assertThat(snapshot.candidates(ip("2001:db8::2"))).containsExactly(v6All);
        assertThat(NasSnapshot.of(List.of()).candidates(ip("2001:db8::2"))).isEmpty();
    }
}
