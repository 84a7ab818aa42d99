/** Members of an organization and their devices (ADMIN). */
package dev.herald.api.member;
