/** Personal access tokens of an organization (ADMIN). */
package dev.herald.api.token;
