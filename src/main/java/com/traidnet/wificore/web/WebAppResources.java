package com.traidnet.wificore.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

import java.time.Duration;

/** The web app's resource handlers: hashed assets, then everything else with the history-mode fallback. */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's default "/**" static mapping, which then stays away
class WebAppResources implements WebMvcConfigurer {

    static final String LOCATION = "classpath:/web/";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the resource handler never serves an empty path: "/" is the shell by a forward
        registry.addViewController("/").setViewName("forward:/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // file names carry a content hash: a changed file is a new address, so caches may keep these forever
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .resourceChain(true)
                .addResolver(new BrotliFirst())
                .addResolver(new EncodedResourceResolver())
                .addResolver(new PathResourceResolver());
        // index.html, sw.js, the manifest and icons keep their names: revalidate each time (ETag/Last-Modified)
        registry.addResourceHandler("/**")
                .addResourceLocations(LOCATION)
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new BrotliFirst())
                .addResolver(new EncodedResourceResolver())
                .addResolver(new HistoryFallbackResolver());
    }
}
