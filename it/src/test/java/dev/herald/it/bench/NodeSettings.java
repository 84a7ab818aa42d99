package dev.herald.it.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Herald node's JVM options: the 512 MB heap with a GC log to read the heap from,
 * PostgreSQL, and the APNs and FCM providers pointed at the mock servers with the same connection
 * and in-flight settings as the raw ceiling. Everything else is Herald's default, as an operator
 * would run it.
 */
final class NodeSettings {

  /** The system administrator's token the node bootstraps with. */
  static final String SYSTEM_TOKEN = "bench-bootstrap-token";

  private NodeSettings() {}

  static List<String> of(
      String url, String user, String password, Path keys, Path gcLog, int apnsPort, int fcmPort) {
    var keyDir = keys.toAbsolutePath();
    var options = new ArrayList<String>();
    // e.g. -Dbench.node.options=-XX:StartFlightRecording=dumponexit=true,filename=h.jfr
    for (var option : System.getProperty("bench.node.options", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        options.add(option);
      }
    }
    options.addAll(
        List.of(
            "-Xmx512m",
            "-Xlog:gc:file=" + gcLog.toAbsolutePath(),
            // FCM to a non-Google endpoint goes over the JDK's HTTP/1.1 connections, which keep
            // only 5
            // idle per host unless told otherwise (FcmEndpoint; the README asks for about 100).
            "-Dhttp.maxConnections=100",
            "-Dherald.db.url=" + url,
            "-Dherald.db.user=" + user,
            "-Dherald.db.password=" + password,
            "-Dherald.bootstrap.token=" + SYSTEM_TOKEN,
            "-Dherald.region=bench",
            "-Dherald.provider.apns.team-id=" + RawApns.TEAM_ID,
            "-Dherald.provider.apns.key-id=" + RawApns.KEY_ID,
            "-Dherald.provider.apns.signing-key=" + keyDir.resolve("signing-key.p8"),
            "-Dherald.provider.apns.topic=" + RawApns.TOPIC,
            "-Dherald.provider.apns.host=127.0.0.1",
            "-Dherald.provider.apns.port=" + apnsPort,
            "-Dherald.provider.apns.trusted-certificate=" + keyDir.resolve("server-cert.pem"),
            "-Dherald.provider.apns.connections=" + RawApns.CONNECTIONS,
            "-Dherald.provider.apns.max-in-flight=" + RawApns.MAX_IN_FLIGHT,
            "-Dherald.provider.fcm.project-id=" + RawFcm.PROJECT,
            "-Dherald.provider.fcm.access-token=bench-token",
            "-Dherald.provider.fcm.endpoint=http://127.0.0.1:" + fcmPort,
            "-Dherald.provider.fcm.max-in-flight=" + RawFcm.MAX_IN_FLIGHT));
    return List.copyOf(options);
  }
}
