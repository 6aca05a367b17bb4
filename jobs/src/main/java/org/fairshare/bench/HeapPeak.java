package org.fairshare.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap seen in use while it is open, sampled every few milliseconds (Spark local mode runs
 * its tasks in this JVM, so this covers them). Summing each heap pool's own peak overstates it: the
 * pools peak at different moments, and that sum exceeded the -Xmx the JVM ran with.
 */
final class HeapPeak implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 10;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService sampler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "fairshare-heap-sampler");
            t.setDaemon(true);
            return t;
          });

  private HeapPeak() {
    sampler.scheduleAtFixedRate(this::sample, 0, SAMPLE_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Starts sampling. */
  static HeapPeak start() {
    return new HeapPeak();
  }

  /** Returns the most heap in use seen so far, in bytes. */
  long bytes() {
    sample();
    return peak.get();
  }

  private void sample() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
