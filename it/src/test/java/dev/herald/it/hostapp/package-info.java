/**
 * A sample host application that embeds Herald, as another team would build one, for {@code
 * HostApplicationIT}: its own JAX-RS application at {@code /api}, its own resource, entity, Flyway
 * migration, datasource and persistence unit (which also holds Herald's entities, through Herald's
 * mapping file), its own MicroProfile Config file, and the one producer that tells Herald which
 * unit to use. Its WAR packages Herald's jars as a dependency would; never part of the Herald WAR.
 */
package dev.herald.it.hostapp;
