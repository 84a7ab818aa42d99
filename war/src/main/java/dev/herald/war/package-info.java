/** Packaging of the Herald WAR: the JAX-RS application, the default datasource, the JTA glue. */
package dev.herald.war;
