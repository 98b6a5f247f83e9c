package com.traidnet.wificore.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a phone sends the captive portal: the NAS's redirect parameters and form posts. */
public final class PortalForms {

    public static final String NAS_LOGIN = "http://10.5.50.1/login";

    private PortalForms() {
    }

    /** The parameters a MikroTik hotspot redirect carries for a device with {@code mac}. */
    public static Map<String, String> redirect(String mac) {
        var params = new LinkedHashMap<String, String>();
        params.put("mac", mac);
        params.put("ip", "10.5.50.23");
        params.put("link-login-only", NAS_LOGIN);
        params.put("link-orig", "http://example.com/");
        return params;
    }

    public static String encode(Map<String, String> fields) {
        var b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    public static Api.Response post(Api api, String path, Map<String, String> fields) {
        return api.send("POST", path, encode(fields), null, Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }
}
