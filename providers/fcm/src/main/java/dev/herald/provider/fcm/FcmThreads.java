package dev.herald.provider.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.ThreadManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads firebase-admin sends on, owned by one provider instead of firebase-admin's shared
 * pool of 100. Each request blocks one thread until FCM answers, so the pool size is the number of
 * requests under way. The queue in front of it has no bound of its own: the provider's in-flight
 * semaphore is what limits it.
 */
final class FcmThreads extends ThreadManager {

  private final int threads;
  private final String name;
  private final AtomicInteger count = new AtomicInteger();

  FcmThreads(int threads, String name) {
    this.threads = threads;
    this.name = name;
  }

  @Override
  protected ExecutorService getExecutor(FirebaseApp app) {
    var executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            getThreadFactory());
    // an idle provider holds no threads
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  @Override
  protected void releaseExecutor(FirebaseApp app, ExecutorService executor) {
    executor.shutdownNow();
    try {
      // a request blocked in a read ends at the read timeout; waiting keeps undeploy clean
      executor.awaitTermination(FcmProviderFactory.READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  protected ThreadFactory getThreadFactory() {
    return runnable -> {
      var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
