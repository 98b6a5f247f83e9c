package com.traidnet.wificore.radius.accounting;

import java.util.UUID;

/** Column arrays for the set-wise insert of new sessions (one array per column, one slot per record). */
final class AccountingColumns {
    final long[] id;
    final String[] sessionId, uniqueId, username, nasIp, port, portType, authentic, connectInfo, called, calling,
            cause, service, protocol, framedIp, framedIp6, classValue, nasId;
    final double[] start, event;
    final Double[] stop;
    final long[] sessionTime, input, output;

    AccountingColumns(int n) {
        id = new long[n];
        sessionId = new String[n];
        uniqueId = new String[n];
        username = new String[n];
        nasIp = new String[n];
        port = new String[n];
        portType = new String[n];
        authentic = new String[n];
        connectInfo = new String[n];
        called = new String[n];
        calling = new String[n];
        cause = new String[n];
        service = new String[n];
        protocol = new String[n];
        framedIp = new String[n];
        framedIp6 = new String[n];
        classValue = new String[n];
        nasId = new String[n];
        start = new double[n];
        event = new double[n];
        stop = new Double[n];
        sessionTime = new long[n];
        input = new long[n];
        output = new long[n];
    }

    void set(int i, long radacctId, AccountingRecord r) {
        UUID nas = r.nas().id();
        id[i] = radacctId;
        sessionId[i] = r.sessionId();
        uniqueId[i] = r.uniqueId();
        username[i] = r.username();
        nasIp[i] = r.nasIp();
        port[i] = r.nasPortId();
        portType[i] = r.nasPortType();
        authentic[i] = r.acctAuthentic();
        connectInfo[i] = r.connectInfo();
        called[i] = r.calledStationId();
        calling[i] = r.callingStationId();
        cause[i] = r.terminateCause();
        service[i] = r.serviceType();
        protocol[i] = r.framedProtocol();
        framedIp[i] = r.framedIp();
        framedIp6[i] = r.framedIpv6();
        classValue[i] = r.classValue();
        nasId[i] = nas == null ? null : nas.toString();
        start[i] = AccountingStore.seconds(r.startTime());
        event[i] = AccountingStore.seconds(r.eventTime());
        stop[i] = r.status() == AccountingRecord.Status.STOP ? event[i] : null;
        sessionTime[i] = r.sessionTime();
        input[i] = r.inputOctets();
        output[i] = r.outputOctets();
    }
}
