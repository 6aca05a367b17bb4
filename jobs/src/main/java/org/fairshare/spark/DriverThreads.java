package org.fairshare.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs work that waits mostly on the driver (Delta commits, snapshots, log listings) several at a
 * time, so that one piece's waiting overlaps with another's Spark tasks.
 */
public final class DriverThreads {
  private DriverThreads() {}

  /**
   * Runs the tasks on at most {@code threads} daemon threads named {@code name}, in list order, and
   * returns once every one has finished, failed or not: their futures, in the same order.
   */
  public static <T> List<Future<T>> runAll(String name, int threads, List<Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>();
    if (tasks.isEmpty()) {
      return futures;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, tasks.size()),
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
    try {
      tasks.forEach(task -> futures.add(pool.submit(task)));
      for (Future<T> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          // Reported by result(); the others still run to their end.
        }
      }
      return futures;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Returns a finished task's value, or throws what it threw. */
  public static <T> T result(Future<T> finished) {
    try {
      return finished.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
