package com.traidnet.wificore.portal;

import com.traidnet.wificore.platform.ApiProblem;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the NAS told us when it redirected the device (MikroTik hotspot variables, passed as
 * query parameters by the operator's login.html): the device's MAC and IP, where to post the
 * login ({@code link-login-only}), where the user was going ({@code link-orig}), and which NAS
 * ({@code nas}: the NAS id from the WifiCore app, optional), and for an HTTP-CHAP hotspot its
 * {@code chap-id} and {@code chap-challenge} ({@link ChapLogin}). Carried along every step as
 * hidden fields. All optional: a page opened directly still works, it just cannot log in.
 */
record LoginLink(String mac, String ip, String linkLoginOnly, String linkOrig, UUID nas, ChapLogin chap) {

    static final LoginLink NONE = new LoginLink(null, null, null, null, null, null);

    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");
    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    static LoginLink of(Map<String, String> params) {
        String mac = blankToNull(params.get("mac"));
        if (mac != null && !MAC.matcher(mac).matches()) {
            throw ApiProblem.invalidField("mac", "must be a MAC address like AA:BB:CC:DD:EE:FF");
        }
        String ip = blankToNull(params.get("ip"));
        if (ip != null && !IP.matcher(ip).matches()) {
            throw ApiProblem.invalidField("ip", "must be an IP address");
        }
        String loginOnly = blankToNull(params.getOrDefault("link-login-only", params.get("link-login")));
        return new LoginLink(mac, ip, web(loginOnly, "link-login-only"), web(blankToNull(params.get("link-orig")),
                "link-orig"), nas(params.get("nas")), ChapLogin.of(params.get("chap-id"), params.get("chap-challenge")));
    }

    /**
     * Only http(s) URLs without user info: the login form posts the customer's credentials
     * there, so a {@code javascript:} or {@code data:} link must never become the form's action.
     */
    private static String web(String url, String field) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getUserInfo() == null
                    && url.length() <= 2048) {
                return url;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiProblem.invalidField(field, "must be an http(s) URL");
    }

    private static UUID nas(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("nas", "must be the NAS id shown in the WifiCore app");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    Map<String, String> fields() {
        var fields = new LinkedHashMap<String, String>();
        if (mac != null) {
            fields.put("mac", mac);
        }
        if (ip != null) {
            fields.put("ip", ip);
        }
        if (linkLoginOnly != null) {
            fields.put("link-login-only", linkLoginOnly);
        }
        if (linkOrig != null) {
            fields.put("link-orig", linkOrig);
        }
        if (nas != null) {
            fields.put("nas", nas.toString());
        }
        if (chap != null) {
            fields.put("chap-id", chap.idHex());
            fields.put("chap-challenge", chap.challengeHex());
        }
        return fields;
    }

    String query() {
        var b = new StringBuilder();
        fields().forEach((k, v) -> b.append(b.isEmpty() ? "?" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
