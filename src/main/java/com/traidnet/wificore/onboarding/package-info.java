/**
 * Onboarding: creating a tenant together with its first tenant admin, either by
 * self-service registration ({@code POST /api/register}) or by a platform admin
 * ({@code POST /api/platform/tenants}). All or nothing.
 */
package com.traidnet.wificore.onboarding;
