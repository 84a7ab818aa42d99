/** Members: the people of an organization that notifications are addressed to. */
package dev.herald.core.member;
