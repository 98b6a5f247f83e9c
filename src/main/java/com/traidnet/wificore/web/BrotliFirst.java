package com.traidnet.wificore.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spring's {@code EncodedResourceResolver} picks the first coding in the order the client lists
 * them, and browsers list {@code gzip, deflate, br}: they would get the larger gzip twin. This
 * resolver, placed before it, moves {@code br} to the front when the client accepts it.
 */
class BrotliFirst extends AbstractResourceResolver {

    @Override
    protected Resource resolveResourceInternal(HttpServletRequest request, String requestPath,
                                               List<? extends Resource> locations, ResourceResolverChain chain) {
        return chain.resolveResource(request == null ? null : new Reordered(request), requestPath, locations);
    }

    @Override
    protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
                                            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    static String brotliFirst(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        List<String> codings = new ArrayList<>();
        String brotli = null;
        for (String token : acceptEncoding.split(",")) {
            String coding = token.trim();
            String name = coding.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (name.equals("br") && !coding.replace(" ", "").matches(".*;q=0(\\.0*)?$")) {
                brotli = coding;
            } else if (!coding.isEmpty()) {
                codings.add(coding);
            }
        }
        if (brotli != null) {
            codings.addFirst(brotli);
        }
        return String.join(", ", codings);
    }

    private static final class Reordered extends HttpServletRequestWrapper {
        Reordered(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            String value = super.getHeader(name);
            return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name) ? brotliFirst(value) : value;
        }
    }
}
