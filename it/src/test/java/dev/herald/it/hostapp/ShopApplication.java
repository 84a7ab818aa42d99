package dev.herald.it.hostapp;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The shop's REST API; it scans, so Herald's API is served under it too. */
@ApplicationPath("/api")
public class ShopApplication extends Application {}
