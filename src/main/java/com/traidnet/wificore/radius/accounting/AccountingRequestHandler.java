package com.traidnet.wificore.radius.accounting;

import com.traidnet.wificore.radius.packet.PacketCode;
import com.traidnet.wificore.radius.packet.RadiusPacket;
import com.traidnet.wificore.radius.server.RadiusMetrics;
import com.traidnet.wificore.radius.server.RadiusRequest;
import com.traidnet.wificore.radius.server.RequestHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** Accounting-Request: parse, hand to the group-commit writer, answer once committed. */
@Component
class AccountingRequestHandler implements RequestHandler {

    private final AccountingWriter writer;
    private final RadiusMetrics metrics;
    private final Clock clock;

    AccountingRequestHandler(AccountingWriter writer, RadiusMetrics metrics, Clock clock) {
        this.writer = writer;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public String type() {
        return "accounting";
    }

    @Override
    public CompletionStage<RadiusPacket> handle(RadiusRequest request) {
        AccountingRecord record = AccountingRecord.of(request.packet(), request.nas(),
                request.source().getAddress(), clock.instant());
        String tenant = request.nas().tenant().value().toString();
        return writer.submit(request.nas().tenant(), record).thenApply(written -> {
            if (!written) {
                return null;
            }
            metrics.request("accounting", record.status().name().toLowerCase(java.util.Locale.ROOT), tenant);
            return request.packet().reply(PacketCode.ACCOUNTING_RESPONSE).build();
        });
    }
}
