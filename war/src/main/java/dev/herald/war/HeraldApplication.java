package dev.herald.war;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Herald's REST API at the root of the context: the resources come from herald-api. */
@ApplicationPath("/")
public class HeraldApplication extends Application {}
