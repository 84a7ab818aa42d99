/**
 * A host's business code, as another team would write it: it sends notifications through Herald's
 * Java API ({@code Notifications}), with no HTTP call to Herald. Deployed beside Herald and the
 * test kit in {@code RecordingKitIT}; never part of the Herald WAR.
 */
package dev.herald.it.shop;
