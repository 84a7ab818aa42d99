package dev.herald.core.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a task when the process receives SIGTERM, before the JVM starts its shutdown hooks, then
 * lets the signal go on to the handler that was there before (normally the JVM's, which exits).
 *
 * <p>Why not a shutdown hook: hooks run concurrently, and Payara Micro's own hook undeploys the
 * application while Herald's would still be finishing its in-flight batches. Trapped here, the
 * drain runs while the application and its HTTP listener are fully up, so requests get Herald's 503
 * and batches finish and are recorded; the server's teardown then meets an idle application.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}, exported to everyone) is reached by
 * reflection: compiling against it directly draws a javac warning that cannot be suppressed, and a
 * JVM without it (or started with {@code -Xrs}) simply keeps the shutdown-hook behaviour.
 */
final class TermSignal {

  private static final Logger LOG = Logger.getLogger(TermSignal.class.getName());
  private static final int EXIT_ON_TERM = 128 + 15;

  private final Class<?> signalClass;
  private final Class<?> handlerClass;
  private final Object term;
  private final Object previous;

  private TermSignal(Class<?> signalClass, Class<?> handlerClass, Object term, Object previous) {
    this.signalClass = signalClass;
    this.handlerClass = handlerClass;
    this.term = term;
    this.previous = previous;
  }

  /**
   * Traps SIGTERM so that {@code beforeExit} runs first; {@code null} when this JVM cannot trap it
   * (the reason is logged).
   */
  static TermSignal trap(Runnable beforeExit) {
    try {
      var signalClass = Class.forName("sun.misc.Signal");
      var handlerClass = Class.forName("sun.misc.SignalHandler");
      var term = signalClass.getConstructor(String.class).newInstance("TERM");
      var holder = new Object[1];
      InvocationHandler onSignal =
          (proxy, method, args) -> {
            if ("handle".equals(method.getName())) {
              beforeExit.run();
              passOn(handlerClass, signalClass, holder[0], args[0]);
              return null;
            }
            return objectMethod(proxy, method, args);
          };
      var handler =
          Proxy.newProxyInstance(
              TermSignal.class.getClassLoader(), new Class<?>[] {handlerClass}, onSignal);
      holder[0] = handle(signalClass, handlerClass, term, handler);
      return new TermSignal(signalClass, handlerClass, term, holder[0]);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(
          Level.INFO,
          "SIGTERM cannot be trapped in this JVM; a stop drains from a shutdown hook instead",
          e);
      return null;
    }
  }

  /** Gives SIGTERM back to the handler it had before {@link #trap}. */
  void release() {
    try {
      handle(signalClass, handlerClass, term, previous);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.FINE, "Could not give SIGTERM back to its previous handler", e);
    }
  }

  private static Object handle(
      Class<?> signalClass, Class<?> handlerClass, Object signal, Object handler)
      throws ReflectiveOperationException {
    return signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
  }

  /**
   * Hands the signal to the previous handler; the JVM's default or ignoring handler cannot be
   * called from Java, so then the process exits as the JVM would have.
   */
  private static void passOn(
      Class<?> handlerClass, Class<?> signalClass, Object previous, Object signal) {
    try {
      handlerClass.getMethod("handle", signalClass).invoke(previous, signal);
    } catch (InvocationTargetException | NoSuchMethodException | IllegalAccessException e) {
      Runtime.getRuntime().exit(EXIT_ON_TERM);
    }
  }

  private static Object objectMethod(Object proxy, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "Herald's SIGTERM handler";
    };
  }
}
