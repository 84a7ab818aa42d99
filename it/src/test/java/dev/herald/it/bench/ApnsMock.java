package dev.herald.it.bench;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import dev.herald.it.ApnsConnectionCheck;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * pushy's mock APNs server over TLS on loopback, accepting every notification and counting it in
 * {@link Arrivals}. It has two event-loop threads, one per connection the APNs clients open
 * (Herald's provider and the raw ceiling both use two), so that the mock is not the narrower side
 * by design.
 */
final class ApnsMock implements AutoCloseable {

  final int port;
  private final MockApnsServer server;
  private final NioEventLoopGroup group;

  private ApnsMock(int port, MockApnsServer server, NioEventLoopGroup group) {
    this.port = port;
    this.server = server;
    this.group = group;
  }

  static ApnsMock start(Path keys, Arrivals arrivals) throws Exception {
    var group = new NioEventLoopGroup(2, new DefaultThreadFactory("bench-apns-mock", true));
    try {
      var server =
          new MockApnsServerBuilder()
              .setServerCredentials(
                  keys.resolve("server-cert.pem").toFile(),
                  keys.resolve("server-key.pem").toFile(),
                  null)
              .setEventLoopGroup(group)
              .setHandlerFactory(
                  session ->
                      (headers, payload) -> {
                        var token = headers.path().toString().substring("/3/device/".length());
                        ApnsConnectionCheck.refuse(token);
                        arrivals.received(
                            Arrivals.Platform.IOS,
                            Devices.ofIosToken(token),
                            payload.toString(StandardCharsets.UTF_8),
                            System.nanoTime());
                      })
              .build();
      var port = server.start(0).get();
      return new ApnsMock(port, server, group);
    } catch (Exception e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  @Override
  public void close() {
    server.shutdown().join();
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
