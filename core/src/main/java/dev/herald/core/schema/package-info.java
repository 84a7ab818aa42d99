/** Herald's database schema: Flyway migrations, applied while the persistence unit starts. */
package dev.herald.core.schema;
