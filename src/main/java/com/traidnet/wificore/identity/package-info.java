/**
 * Staff identity: staff users (platform admins and each tenant's staff) with roles,
 * Argon2id password hashes, login with rate limiting, personal access tokens (hashed at
 * rest) and SPA session cookies with CSRF protection, and the HTTP security rules.
 * Exposes {@link com.traidnet.wificore.identity.StaffAccounts} for creating staff and
 * {@link com.traidnet.wificore.identity.StaffPrincipal}, the authenticated caller.
 */
package com.traidnet.wificore.identity;
