package dev.herald.it.bench;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.core.ApiFutureCallback;
import com.google.api.core.ApiFutures;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The FCM ceiling: firebase-admin alone ({@code sendAsync}, one request per message), sending one
 * push to every Android device to the same fake endpoint, set up as Herald's FCM provider sets up
 * its own: the endpoint reached through the HTTP transport (firebase-admin has no endpoint
 * setting), a fixed access token, 100 sending threads (firebase-admin's default pool, the
 * provider's cap) and the same cap on messages in flight. Both JVMs run with {@code
 * -Dhttp.maxConnections=100}, as the provider's documentation asks for a non-Google endpoint.
 */
final class RawFcm {

  /** Herald's FCM provider default (FcmProviderFactory), also given to the node explicitly. */
  static final int MAX_IN_FLIGHT = 500;

  static final String PROJECT = "herald-bench";

  private RawFcm() {}

  /** Sends to every Android device and waits for every answer; returns how many were accepted. */
  static long run(int port, Devices devices) throws Exception {
    var options =
        FirebaseOptions.builder()
            .setProjectId(PROJECT)
            .setCredentials(
                GoogleCredentials.create(
                    new AccessToken(
                        "bench-token", Date.from(Instant.now().plus(1, ChronoUnit.DAYS)))))
            .setHttpTransport(
                new NetHttpTransport.Builder()
                    .setConnectionFactory(
                        url ->
                            (HttpURLConnection)
                                URI.create("http://127.0.0.1:" + port + url.getFile())
                                    .toURL()
                                    .openConnection())
                    .build())
            .setConnectTimeout(10_000)
            .setReadTimeout(10_000)
            .build();
    var app = FirebaseApp.initializeApp(options, "bench-raw-fcm-" + UUID.randomUUID());
    var slots = new Semaphore(MAX_IN_FLIGHT);
    var accepted = new LongAdder();
    try {
      var messaging = FirebaseMessaging.getInstance(app);
      for (int i = 0; i < devices.count(); i++) {
        if (devices.isIos(i)) {
          continue;
        }
        slots.acquire();
        ApiFutures.addCallback(
            messaging.sendAsync(message(Devices.androidToken(i))),
            new ApiFutureCallback<String>() {
              @Override
              public void onSuccess(String name) {
                accepted.increment();
                slots.release();
              }

              @Override
              public void onFailure(Throwable error) {
                slots.release();
              }
            },
            Runnable::run);
      }
      if (!slots.tryAcquire(MAX_IN_FLIGHT, 5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Raw firebase-admin: answers missing after 5 minutes");
      }
      return accepted.sum();
    } finally {
      app.delete();
      options.getHttpTransport().shutdown();
    }
  }

  /** The shape of Herald's messages (FcmMessages): notification, deep link as data, priority. */
  private static Message message(String token) {
    return Message.builder()
        .setToken(token)
        .setNotification(
            Notification.builder().setTitle(Arrivals.CEILING).setBody("Herald benchmark").build())
        .putAllData(
            Map.of("notificationId", UUID.randomUUID().toString(), "screen", "jig", "inputs", "{}"))
        .setAndroidConfig(AndroidConfig.builder().setPriority(AndroidConfig.Priority.HIGH).build())
        .build();
  }
}
