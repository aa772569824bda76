package org.kylinupgrade.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.storage.RDDInfo;
import org.kylinupgrade.jobs.JobCommandLine;
import org.kylinupgrade.jobs.UpgradeJob;

/**
 * Runs the {@code upgrade} command in this JVM ({@link UpgradeJob}, the arguments as given) and reports the used
 * heap after a full GC: sampled every {@code -Dheap.probe.interval.ms} (default 250) while the job runs, by a thread
 * that calls {@code System.gc()} and reads the heap's used bytes, and once more after the job returned. With a local
 * master the executors run in this JVM too, so their tasks' memory and cached blocks are included; the size Spark
 * estimates for its cached RDD blocks is read at each sample. Prints {@code heap: peak after GC N MB (cached RDD
 * blocks C MB), at the end M MB, S samples, max heap X MB} and exits with the job's exit code.
 */
public final class HeapProbe {
  private static final long MB = 1024 * 1024;

  private HeapProbe() {
  }

  /** Forced full GCs at a fixed interval; the highest used heap seen after one. */
  private static final class Sampler extends Thread {
    private final long intervalMs;
    private volatile boolean running = true;
    private long peak;
    private long cachedAtPeak;
    private int samples;

    Sampler(long intervalMs) {
      super("heap-probe");
      setDaemon(true);
      this.intervalMs = intervalMs;
    }

    @Override
    public void run() {
      while (running) {
        try {
          Thread.sleep(intervalMs);
        } catch (InterruptedException e) {
          return;
        }
        sample();
      }
    }

    synchronized void sample() {
      long used = usedAfterGc();
      if (used > peak) {
        peak = used;
        cachedAtPeak = cachedRddBytes();
      }
      samples++;
    }

    synchronized long cachedAtPeak() {
      return cachedAtPeak;
    }

    synchronized long peak() {
      return peak;
    }

    synchronized int samples() {
      return samples;
    }

    void finish() throws InterruptedException {
      running = false;
      interrupt();
      join();
    }
  }

  /** What Spark estimates its cached RDD blocks take in memory, 0 without a running context. */
  static long cachedRddBytes() {
    scala.Option<SparkContext> active = SparkContext$.MODULE$.getActive();
    if (active.isEmpty()) {
      return 0;
    }
    long bytes = 0;
    for (RDDInfo info : active.get().getRDDStorageInfo()) {
      bytes += info.memSize();
    }
    return bytes;
  }

  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  public static void main(String[] args) throws Exception {
    Sampler sampler = new Sampler(Long.getLong("heap.probe.interval.ms", 250));
    sampler.start();
    int exit = JobCommandLine.execute(new UpgradeJob(), args);
    sampler.finish();
    sampler.sample();
    long end = usedAfterGc();
    System.out.printf("heap: peak after GC %d MB (cached RDD blocks %d MB), at the end %d MB, %d samples, max heap "
        + "%d MB%n", sampler.peak() / MB, sampler.cachedAtPeak() / MB, end / MB, sampler.samples(),
        Runtime.getRuntime().maxMemory() / MB);
    System.exit(exit);
  }
}
