package org.fairshare.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Measures the JVM's peak heap use over a phase (Spark local mode runs its tasks in this JVM). */
final class HeapPeak {
  private HeapPeak() {}

  /** Forgets the peaks measured so far, so the next {@link #bytes} covers only what follows. */
  static void reset() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Returns the sum over heap pools of each pool's peak use since the last reset, in bytes. */
  static long bytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
