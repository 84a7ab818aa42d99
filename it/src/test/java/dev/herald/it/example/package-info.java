/**
 * An example third-party delivery provider: an outgoing web hook that posts each delivery as JSON.
 * It is compiled with the tests, packaged into a jar of its own with its own {@code
 * META-INF/services} entry, and added to the deployed WAR, exactly as a team would add a channel.
 * The README's "Writing a provider" section points here.
 */
package dev.herald.it.example;
