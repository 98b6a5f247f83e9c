package com.traidnet.wificore.portal;

import java.util.Map;
import java.util.regex.Pattern;

/** HTML escaping and the page frame; everything that reaches a page goes through {@link #text}. */
final class Html {

    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{3,8}");

    private Html() {
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        var b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String hidden(Map<String, String> fields) {
        var b = new StringBuilder();
        fields.forEach((k, v) -> b.append("<input type=\"hidden\" name=\"").append(text(k)).append("\" value=\"")
                .append(text(v)).append("\">"));
        return b.toString();
    }

    /** A brand colour is put into CSS only when it is a plain hex colour. */
    static String colour(String configured) {
        return configured != null && COLOUR.matcher(configured).matches() ? configured : "#0b6bcb";
    }

    static String page(String title, String brandName, String logoUrl, String colour, String head, String body) {
        String logo = logoUrl != null && (logoUrl.startsWith("https://") || logoUrl.startsWith("http://"))
                ? "<img src=\"" + text(logoUrl) + "\" alt=\"\" height=\"40\">" : "";
        return """
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
                <title>%s</title>%s<style>
                body{font:16px/1.4 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2430}
                header{background:%s;color:#fff;padding:12px 16px;display:flex;gap:12px;align-items:center}
                header h1{font-size:1.2em;margin:0}main{max-width:480px;margin:auto;padding:12px}
                .card{background:#fff;border-radius:8px;padding:12px;margin:10px 0;box-shadow:0 1px 2px #0002}
                .price{font-weight:700;font-size:1.2em}.muted{color:#5b6473;font-size:.9em}
                input,button{font:inherit;padding:10px;border-radius:6px;border:1px solid #aab;width:100%%;box-sizing:border-box;margin-top:6px}
                button{background:%s;color:#fff;border:0;font-weight:600}.error{color:#a40000;font-weight:600}
                </style></head><body><header>%s<h1>%s</h1></header><main>%s</main></body></html>
                """.formatted(text(title), head, colour, colour, logo, text(brandName), body);
    }
}
