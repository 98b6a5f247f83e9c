/**
 * Platform plumbing every module stands on: the launcher and embedded PostgreSQL,
 * the database connection, HTTP error handling (problem+json), request limits,
 * health and the OpenAPI document. Exposes {@link com.traidnet.wificore.platform.ApiProblem}
 * for modules to signal client errors.
 */
package com.traidnet.wificore.platform;
