package dev.herald.core.health;

/**
 * One check of a node's health.
 *
 * @param name what was checked: {@code node}, {@code database}, {@code background}, {@code
 *     providers}
 * @param up whether it passed
 * @param detail a short word on it, for people; never a secret nor a stack trace
 */
public record HealthCheck(String name, boolean up, String detail) {}
