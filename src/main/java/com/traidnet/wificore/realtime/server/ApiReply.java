package com.traidnet.wificore.realtime.server;

import com.traidnet.wificore.realtime.protocol.Frames;

/** An HTTP API answer: JSON on success, {@code application/problem+json} on refusal. */
record ApiReply(int status, String contentType, String body) {

    static ApiReply ok(String json) {
        return new ApiReply(200, "application/json", json);
    }

    static ApiReply problem(int status, String title, String detail) {
        return new ApiReply(status, "application/problem+json", "{\"type\":\"about:blank\",\"title\":"
                + Frames.quote(title) + ",\"status\":" + status + ",\"detail\":" + Frames.quote(detail)
                + ",\"error\":" + Frames.quote(detail) + "}");
    }

    static ApiReply badRequest(String detail) {
        return problem(400, "Bad Request", detail);
    }
}
