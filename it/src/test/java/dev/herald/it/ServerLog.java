package dev.herald.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the server under test logs while a test runs. The Arquillian Payara Micro container copies
 * the server's output line by line to this JVM's {@code System.out}; a tee on it sees every line.
 * On a container that does not copy its output (WildFly's log goes to a file), nothing is seen and
 * {@link #lines()} says so by being empty.
 */
final class ServerLog implements AutoCloseable {

  private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)\\s*$");

  private final PrintStream original = System.out;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private ServerLog() {}

  static ServerLog capture() {
    var log = new ServerLog();
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
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  /** Lines that are frames of a Java stack trace. */
  List<String> stackFrames() {
    return lines().stream().filter(l -> STACK_FRAME.matcher(l).matches()).toList();
  }

  /** Lines logged at SEVERE. */
  List<String> severe() {
    return lines().stream().filter(l -> l.contains("SEVERE")).toList();
  }

  @Override
  public void close() {
    System.out.flush();
    System.setOut(original);
  }
}
