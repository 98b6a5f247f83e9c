/**
 * Serves the web app (the Vue build under {@code classpath:/web/}, docs/web.md) at {@code /}:
 * content-hashed {@code /assets/*} cached for a year as immutable, {@code index.html}, the
 * service worker and the manifest revalidated on every use, pre-compressed {@code .br}/{@code .gz}
 * twins chosen by {@code Accept-Encoding}, and history-mode routing: a page address the app owns
 * answers {@code index.html}. Addresses of the API, the captive portal, the Daraja simulator and
 * health are never the app's, so an unknown {@code /api/**} stays a problem+json 404.
 */
package com.traidnet.wificore.web;
