package dev.herald.core.auth;

/** A token just created: the only moment its secret value exists outside the caller's hands. */
public record IssuedToken(AccessToken token, String secret) {}
