package dev.herald.provider.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ThreadManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Gives firebase-admin a fixed number of daemon threads instead of its own growing pool: the
 * blocking HTTP calls run there, so the pool size is the number of requests under way.
 */
final class FcmThreads extends ThreadManager {

  private final int threads;

  FcmThreads(int threads) {
    this.threads = threads;
  }

  @Override
  protected ExecutorService getExecutor(FirebaseApp app) {
    return Executors.newFixedThreadPool(threads, getThreadFactory());
  }

  @Override
  protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
    executor.shutdownNow();
  }

  @Override
  protected ThreadFactory getThreadFactory() {
    return runnable -> {
      var thread = new Thread(runnable, "herald-fcm");
      thread.setDaemon(true);
      return thread;
    };
  }
}
