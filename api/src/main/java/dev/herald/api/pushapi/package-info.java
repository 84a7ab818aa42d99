/**
 * The Push API v2 ({@code POST /api/v2/push}), compatible with the Forms On Fire style API that
 * follows ServiceStack's conventions: JSON or DataContract XML in and out, errors as a {@code
 * ResponseStatus}, credentials (company id and integration key) in the body (ADR 0014).
 */
package dev.herald.api.pushapi;
