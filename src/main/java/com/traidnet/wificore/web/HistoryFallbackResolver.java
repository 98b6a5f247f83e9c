package com.traidnet.wificore.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import java.util.List;
import java.util.regex.Pattern;

/**
 * History-mode routing: the app's pages ({@code /subscribers/42}) are addresses the browser asks
 * the server for on a reload. A GET that finds no file, is not under a server-owned prefix, does
 * not look like a file name and accepts HTML answers {@code index.html}; the app's router shows
 * the page (or its own "not found").
 */
class HistoryFallbackResolver extends PathResourceResolver {

    private static final String INDEX = "index.html";
    // the platform's own addresses: an unknown one is a 404 problem, never the app
    private static final Pattern SERVER_OWNED = Pattern.compile(
            "^(api|portal|sim|health|actuator|error|assets|apps)(/.*)?$");

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                               List<? extends Resource> locations, ResourceResolverChain chain) {
        Resource found = super.resolveResourceInternal(request, requestPath, locations, chain);
        if (found != null || request == null || !isAppRoute(requestPath) || !acceptsHtml(request)) {
            return found;
        }
        return super.resolveResourceInternal(request, INDEX, locations, chain);
    }

    static boolean isAppRoute(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (SERVER_OWNED.matcher(p).matches()) {
            return false;
        }
        String last = p.substring(p.lastIndexOf('/') + 1);
        return !last.contains("."); // a missing file (favicon.ico, x.js) stays a 404
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html");
    }
}
