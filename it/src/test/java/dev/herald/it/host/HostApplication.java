package dev.herald.it.host;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The host's application: it scans, so Herald's resources and providers are found in it too. */
@ApplicationPath("/host")
public class HostApplication extends Application {}
