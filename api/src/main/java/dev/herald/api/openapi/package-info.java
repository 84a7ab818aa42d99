/**
 * The API's OpenAPI document, generated from the resources at build time (docs/adr/0019) and served
 * as it was built.
 */
package dev.herald.api.openapi;
