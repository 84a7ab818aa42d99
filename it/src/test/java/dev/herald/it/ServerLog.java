package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the server under test logs while a test runs. The Arquillian Payara Micro container copies
 * the server's output line by line to this JVM's {@code System.out}; a tee on it sees every line.
 * WildFly logs to a file instead, named by {@code it.server.log}: what it grows by is read.
 */
final class ServerLog implements AutoCloseable {

  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$");

  private final PrintStream original = System.out;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private final Path file;
  private final long fileStart;

  private ServerLog(Path file) {
    this.file = file;
    this.fileStart = size(file);
  }

  private static long size(Path file) {
    try {
      return file == null || !Files.exists(file) ? 0 : Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ServerLog capture() {
    var named = System.getProperty("it.server.log");
    var log = new ServerLog(named == null ? null : Path.of(named));
    var tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            log.original.write(b);
            synchronized (log.captured) {
              log.captured.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) {
            log.original.write(b, off, len);
            synchronized (log.captured) {
              log.captured.write(b, off, len);
            }
          }
        };
    System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
    return log;
  }

  List<String> lines() {
    if (file != null) {
      return fileLines();
    }
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  private List<String> fileLines() {
    try (var in = Files.newInputStream(file)) {
      in.skipNBytes(Math.min(fileStart, Files.size(file)));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines that are frames of a Java stack trace. */
  List<String> stackFrames() {
    return lines().stream().filter(l -> STACK_FRAME.matcher(l).matches()).toList();
  }

  /** Lines logged at SEVERE (Payara) or ERROR (WildFly). */
  List<String> severe() {
    return lines().stream().filter(l -> l.contains("SEVERE") || l.contains(" ERROR ")).toList();
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(original);
  }
}
