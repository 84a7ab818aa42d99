/**
 * A test-only resource deployed beside Herald in {@code JtaTransactorIT}: it runs work on the
 * production transactor inside the real container, so the test sees the transactions production
 * gets. It is never part of the Herald WAR.
 */
package dev.herald.it.probe;
