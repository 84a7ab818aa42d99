package dev.herald.it.bench;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The APNs ceiling: pushy's {@code ApnsClient} alone, sending one push to every iOS device to the
 * same mock server, set up as Herald's APNs provider sets up its own (token authentication, the
 * same connections with one event-loop thread each, the same cap on notifications in flight, a
 * payload of the same shape built per notification). What it reaches is the most Herald's APNs
 * channel could reach on this machine.
 */
final class RawApns {

  /** Herald's APNs provider defaults (ApnsProviderFactory), also given to the node explicitly. */
  static final int CONNECTIONS = 2;

  static final int MAX_IN_FLIGHT = 1000;

  static final String TOPIC = "dev.herald.bench";
  static final String TEAM_ID = "TEAMID1234";
  static final String KEY_ID = "KEYID12345";

  private RawApns() {}

  /** Sends to every iOS device and waits for every answer; returns how many were accepted. */
  static long run(Path keys, int port, Devices devices) throws Exception {
    var group =
        new NioEventLoopGroup(CONNECTIONS, new DefaultThreadFactory("bench-raw-apns", true));
    var client =
        new ApnsClientBuilder()
            .setApnsServer("127.0.0.1", port)
            .setTrustedServerCertificateChain(keys.resolve("server-cert.pem").toFile())
            .setSigningKey(
                ApnsSigningKey.loadFromPkcs8File(
                    keys.resolve("signing-key.p8").toFile(), TEAM_ID, KEY_ID))
            .setConcurrentConnections(CONNECTIONS)
            .setEventLoopGroup(group)
            .build();
    var slots = new Semaphore(MAX_IN_FLIGHT);
    var accepted = new LongAdder();
    try {
      for (int i = 0; i < devices.count(); i++) {
        if (!devices.isIos(i)) {
          continue;
        }
        slots.acquire();
        client
            .sendNotification(notification(Devices.iosToken(i)))
            .whenComplete(
                (response, error) -> {
                  if (error == null && response.isAccepted()) {
                    accepted.increment();
                  }
                  slots.release();
                });
      }
      // every slot back means every answer is in
      if (!slots.tryAcquire(MAX_IN_FLIGHT, 5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Raw pushy: answers missing after 5 minutes");
      }
      return accepted.sum();
    } finally {
      client.close().get();
      group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
  }

  private static SimpleApnsPushNotification notification(String token) {
    var payload = new SimpleApnsPayloadBuilder();
    payload.setAlertTitle(Arrivals.CEILING);
    payload.setAlertBody("Herald benchmark");
    payload.addCustomProperty("screen", "jig");
    payload.addCustomProperty("inputs", new HashMap<String, Object>());
    payload.addCustomProperty("notificationId", UUID.randomUUID().toString());
    return new SimpleApnsPushNotification(
        token,
        TOPIC,
        payload.build(),
        Instant.now().plus(Duration.ofDays(1)),
        DeliveryPriority.IMMEDIATE,
        PushType.ALERT,
        null);
  }
}
