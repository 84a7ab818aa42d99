package dev.herald.provider.apns;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.jar.JarFile;
import java.util.logging.Logger;

/**
 * Loads the classes of pushy and of the Netty jars it runs on, once, on a thread of its own when
 * the provider starts. The APNs client opens its connections on the first push, and opening one
 * loads some two thousand classes. In a WAR on Payara they all go through the application's class
 * loader, which loads one class at a time for the whole application: a profile of a broadcast
 * showed the client's threads waiting on it for seven seconds behind the rest of the application (a
 * broadcast's first pushes on a cold node), and at 100,000 devices long enough for pushes to go
 * unanswered for 20 s and be sent twice. Classes are loaded, not initialized: nothing of pushy or
 * Netty runs here.
 */
final class ClassWarmUp {

  private static final Logger LOG = Logger.getLogger(ClassWarmUp.class.getName());

  /** One class of each jar the client's first connection loads from. */
  private static final List<String> JARS_OF =
      List.of(
          "com.eatthepath.pushy.apns.ApnsClient",
          "io.netty.handler.codec.http2.Http2ConnectionHandler",
          "io.netty.handler.codec.http.HttpResponseStatus",
          "io.netty.handler.codec.ByteToMessageDecoder",
          "io.netty.handler.ssl.SslHandler",
          "io.netty.channel.Channel",
          "io.netty.buffer.ByteBuf",
          "io.netty.util.Recycler",
          "io.netty.resolver.AddressResolverGroup");

  private ClassWarmUp() {}

  /** Starts loading on a daemon thread, which then runs {@code then}, and returns at once. */
  static void start(ClassLoader loader, Runnable then) {
    var thread =
        new Thread(
            () -> {
              load(loader);
              then.run();
            },
            "herald-apns-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  /** Loads every class of those jars that the loader can; returns how many it loaded. */
  static int load(ClassLoader loader) {
    var began = System.nanoTime();
    var loaded = 0;
    for (var jar : jars(loader)) {
      loaded += loadAll(jar, loader);
    }
    var count = loaded;
    LOG.info(
        () ->
            "APNs client: %d classes loaded ahead of the first connection in %d ms"
                .formatted(count, (System.nanoTime() - began) / 1_000_000));
    return count;
  }

  /**
   * The jar files, where the server gives the classes a file location (Payara does; a server that
   * serves them from a virtual file system, like WildFly, is skipped: its class loading is
   * concurrent anyway).
   */
  private static LinkedHashSet<Path> jars(ClassLoader loader) {
    var jars = new LinkedHashSet<Path>();
    for (var name : JARS_OF) {
      try {
        var source = Class.forName(name, false, loader).getProtectionDomain().getCodeSource();
        if (source != null && "file".equals(source.getLocation().getProtocol())) {
          var path = Path.of(source.getLocation().toURI());
          if (Files.isRegularFile(path)) {
            jars.add(path);
          }
        }
      } catch (ClassNotFoundException | LinkageError | URISyntaxException | SecurityException e) {
        // not there, or not a file: nothing to warm
      }
    }
    return jars;
  }

  private static int loadAll(Path jar, ClassLoader loader) {
    var loaded = 0;
    try (var file = new JarFile(jar.toFile())) {
      var entries = file.entries();
      while (entries.hasMoreElements()) {
        var entry = entries.nextElement().getName();
        if (!entry.endsWith(".class")
            || entry.startsWith("META-INF/")
            || entry.endsWith("module-info.class")) {
          continue;
        }
        try {
          Class.forName(
              entry.substring(0, entry.length() - ".class".length()).replace('/', '.'),
              false,
              loader);
          loaded++;
        } catch (ClassNotFoundException | LinkageError e) {
          // a class for an optional library that is not here (e.g. native TLS): never used
        }
      }
    } catch (IOException e) {
      LOG.fine(() -> "APNs client: could not read " + jar + ": " + e);
    }
    return loaded;
  }
}
