package org.kylinupgrade.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The conversion stage alone, in one warm JVM: (s) the pipeline's step between read and write as the upgrade job
 * runs it ({@code UpgradePipeline.scan} with the counts by type, {@code convert}, the output computed and its labelled
 * count) on a local
 * Spark context over resources already cached in it, ÷ (p) the same rules in one plain Java thread over the same
 * resources in a list ({@link PlainConvert}); and, as the machine's own limit for any parallel run of these rules, the
 * plain rules split over {@code --threads} plain threads; and the floor under any Spark run of these rules
 * ({@link SparkFloor}: the same passes in one stage over partitions that hold whole model groups already). The input is
 * a synthetic v1 store generated in memory. {@code --warmups} rounds not counted (the first also checks that all give
 * the same output), then interleaved rounds; medians. Each side's process CPU and collection pauses are printed with
 * its time.
 *
 * <p>Usage: {@code ConvertBench --home REPO [--master local[2]] [--descs 16000] [--resources 200000] [--rounds 5]
 * [--to 1.5] [--threads 2] [--thread-cpu false] [--warmups 1]}; {@code --thread-cpu true} also prints, for the Spark
 * side and the floor, each thread's CPU by thread name (the compiler's and collector's among them)
 */
public final class ConvertBench {
  private ConvertBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      flags.put(args[i].substring(2), args[i + 1]);
    }
    Path home = Path.of(flags.get("home"));
    String master = flags.getOrDefault("master", "local[2]");
    int descs = Integer.parseInt(flags.getOrDefault("descs", "16000"));
    int total = Integer.parseInt(flags.getOrDefault("resources", "200000"));
    int rounds = Integer.parseInt(flags.getOrDefault("rounds", "5"));
    int warmups = Integer.parseInt(flags.getOrDefault("warmups", "1"));
    if (warmups < 1) {
      throw new IllegalArgumentException("--warmups " + warmups + ": at least 1, the round that checks that the sides "
          + "agree");
    }
    UpgradeTarget target = UpgradeTarget.parse(flags.getOrDefault("to", "1.5"));

    SyntheticV1Metadata.Shape shape = new SyntheticV1Metadata.Shape(descs, 1, total);
    SyntheticV1Metadata generator = new SyntheticV1Metadata(home);
    SyntheticV1Metadata.Written written = generator.describe(shape);
    List<Resource> resources = new ArrayList<>(written.total());
    for (long i = 0; i < written.total(); i++) {
      resources.add(generator.resource(shape, i));
    }
    System.out.println("input: " + written);
    UpgradeOptions options = UpgradeOptions.of(System.currentTimeMillis(), target);
    String loadBefore = Machine.loadAverage();
    Samples spark = new Samples();
    Samples plain = new Samples();
    Samples sparkCpu = new Samples();
    Samples plainCpu = new Samples();
    Samples parallel = new Samples();
    Samples floors = new Samples();
    int threads = Integer.parseInt(flags.getOrDefault("threads", "2"));
    boolean threadCpu = Boolean.parseBoolean(flags.getOrDefault("thread-cpu", "false"));
    try (SparkContexts contexts = SparkContexts.open("kylin-upgrade convert bench", master)) {
      JavaSparkContext sc = contexts.context();
      int partitions = SparkFolders.partitions(sc, resources.size());
      JavaRDD<Resource> cached = generated(sc, generator, shape, written.total(), partitions).cache();
      System.out.printf("cached %,d resources in %d partitions on %s%n", cached.count(), partitions, master);
      List<Resource> tableResources = new ArrayList<>();
      resources.stream().filter(r -> r.type().equals("table")).forEach(tableResources::add);
      SparkFloor floor = SparkFloor.prepare(sc, generator, shape, resources, options,
          UpgradeRules.tables(tableResources, target), partitions);
      for (int round = 1 - warmups; round <= rounds; round++) {
        long[] sparkFigures = new long[3];
        Map<String, Long> threadsBefore = threadCpu ? Machine.threadCpuMillis() : null;
        long gc = gcMillis();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        // as the upgrade job: the counts per type come from the pass that reads the input
        UpgradePipeline.Scan scan = UpgradePipeline.scan(cached, target);
        Map<String, Long> counts = scan.countsByType();
        UpgradePipeline.ConversionResult conversion = UpgradePipeline.convert(sc, cached, options, scan);
        JavaRDD<Resource> output = conversion.output;
        if (round == 1 - warmups) {
          sparkFigures[0] = output.map(ConvertBench::hash).reduce(Long::sum);
        } else {
          sparkFigures[0] = output.count();
        }
        // as the upgrade job's write: the labelled resources counted while the output was computed
        sparkFigures[1] = conversion.labelledInOutput().orElseGet(conversion.versionLabelled::count);
        sparkFigures[2] = conversion.changes.size();
        conversion.release();
        long s = System.nanoTime() - start;
        long sCpu = processCpuNanos() - cpu;
        long sGc = gcMillis() - gc;
        String sparkThreads = threadCpu ? Machine.cpuDelta(threadsBefore, Machine.threadCpuMillis(), 20) : null;

        gc = gcMillis();
        cpu = processCpuNanos();
        start = System.nanoTime();
        PlainConvert.Outcome outcome = PlainConvert.convert(resources, options);
        long p = System.nanoTime() - start;
        long pCpu = processCpuNanos() - cpu;
        long pGc = gcMillis() - gc;
        gc = gcMillis();
        cpu = processCpuNanos();
        start = System.nanoTime();
        PlainConvert.Outcome split = PlainConvert.convert(resources, options, threads);
        long q = System.nanoTime() - start;
        long qCpu = processCpuNanos() - cpu;
        long qGc = gcMillis() - gc;
        if (round == 1 - warmups) {
          long splitHash = split.output().stream().mapToLong(ConvertBench::hash).sum();
          if (!split.output().equals(outcome.output()) || split.labelled() != outcome.labelled()
              || split.changes() != outcome.changes() || split.problems() != outcome.problems()
              || !split.countsByType().equals(outcome.countsByType())) {
            throw new IllegalStateException("the plain rules differ on " + threads + " threads: output hash " + splitHash
                + ", labelled " + split.labelled() + " vs " + outcome.labelled());
          }
          long plainHash = outcome.output().stream().mapToLong(ConvertBench::hash).sum();
          if (plainHash != sparkFigures[0] || outcome.labelled() != sparkFigures[1]
              || outcome.changes() != sparkFigures[2] || !outcome.countsByType().equals(counts)) {
            throw new IllegalStateException("the two sides differ: output hash " + sparkFigures[0] + " vs " + plainHash
                + ", labelled " + sparkFigures[1] + " vs " + outcome.labelled() + ", changes " + sparkFigures[2]
                + " vs " + outcome.changes() + ", counts " + counts + " vs " + outcome.countsByType());
          }
          System.out.printf("check: same output (hash %d), %d changes, %d labelled%n", plainHash,
              outcome.changes(), outcome.labelled());
        }
        // only figures outlive the plain sides: their outputs would otherwise stay reachable from this frame through
        // the floor and the next round's Spark side, and their collector's work would count against those
        long plainOutput = outcome.output().size();
        long plainLabelled = outcome.labelled();
        long plainChanges = outcome.changes();
        outcome = null;
        split = null;
        threadsBefore = threadCpu ? Machine.threadCpuMillis() : null;
        gc = gcMillis();
        cpu = processCpuNanos();
        start = System.nanoTime();
        SparkFloor.Outcome floored = floor.round();
        long f = System.nanoTime() - start;
        long fCpu = processCpuNanos() - cpu;
        long fGc = gcMillis() - gc;
        String floorThreads = threadCpu ? Machine.cpuDelta(threadsBefore, Machine.threadCpuMillis(), 20) : null;
        if (round == 1 - warmups) {
          if (floored.output() != plainOutput || floored.labelled() != plainLabelled
              || floored.changes() != plainChanges) {
            throw new IllegalStateException("the floor differs from the plain rules: " + floored + " vs output "
                + plainOutput + ", labelled " + plainLabelled + ", changes " + plainChanges);
          }
        }
        if (round > 0) {
          spark.add(s);
          plain.add(p);
          sparkCpu.add(sCpu);
          plainCpu.add(pCpu);
          parallel.add(q);
          floors.add(f);
        }
        System.out.printf("%s: spark %.2f s (process CPU %.2f s, GC %.2f s), plain %.2f s (process CPU %.2f s, GC %.2f s), "
            + "plain on %d threads %.2f s (process CPU %.2f s, GC %.2f s), spark floor %.2f s (process CPU %.2f s, "
            + "GC %.2f s); load %s%n",
            round <= 0 ? "warm-up" : "round " + round, s / 1e9, sCpu / 1e9, sGc / 1e3, p / 1e9, pCpu / 1e9, pGc / 1e3,
            threads, q / 1e9, qCpu / 1e9, qGc / 1e3, f / 1e9, fCpu / 1e9, fGc / 1e3, Machine.loadAverage());
        if (threadCpu) {
          System.out.printf("  threads' CPU (ms), spark: %s%n  threads' CPU (ms), spark floor: %s%n", sparkThreads,
              floorThreads);
        }
      }
    }
    System.out.printf("%nconvert stage: %,d resources (%,d cube descs), --to %s, %s vs one plain thread, %d cores, "
        + "median of %d rounds after %d warm-up round(s); load average %s before, %s after%n", resources.size(), descs,
        flags.getOrDefault("to", "1.5"), master, Machine.cores(), rounds, warmups, loadBefore, Machine.loadAverage());
    System.out.printf("| spark convert step (%s) | %s | %.2f |%n", master, spark.all(), spark.median());
    System.out.printf("| same rules, one plain thread | %s | %.2f |%n", plain.all(), plain.median());
    System.out.printf("| same rules, %d plain threads | %s | %.2f |%n", threads, parallel.all(), parallel.median());
    System.out.printf("| spark floor: the same three passes in one stage over cached whole groups (%s) | %s | %.2f |%n",
        master, floors.all(), floors.median());
    System.out.printf("spark / plain = %.2f (target <= 0.7); the median of each round's spark / plain = %.2f%n",
        spark.median() / plain.median(), spark.pairedRatioMedian(plain));
    System.out.printf("plain on %d threads / plain = %.2f: what splitting these rules over %d threads reaches on this "
        + "machine without Spark; spark / plain on %d threads = %.2f%n", threads, parallel.median() / plain.median(),
        threads, threads, spark.median() / parallel.median());
    System.out.printf("spark floor / plain = %.2f: what a Spark run of these rules reaches on this machine with no "
        + "shuffle and no driver's turn; spark / spark floor = %.2f%n", floors.median() / plain.median(),
        spark.median() / floors.median());
    System.out.printf("diagnostic: process CPU (all threads: tasks, GC, JIT), spark %s s, plain %s s; spark's CPU / "
        + "plain's = %.2f: on two otherwise idle cores the wall-clock ratio could not go below about half of that%n",
        sparkCpu.all(), plainCpu.all(), sparkCpu.median() / plainCpu.median());
  }

  /**
   * The same resources as the list, generated by the executors and dealt over the partitions as the folder read deals
   * paths (index i to partition i mod {@code partitions}): an RDD made by {@code parallelize(list)} carries its data in
   * every task of every stage that reads it, even when cached, which the upgrade's inputs (folder paths, table regions)
   * never do.
   */
  private static JavaRDD<Resource> generated(JavaSparkContext sc, SyntheticV1Metadata generator,
      SyntheticV1Metadata.Shape shape, long total, int partitions) {
    List<Integer> firsts = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      firsts.add(i);
    }
    return sc.parallelize(firsts, partitions).flatMap(first -> {
      List<Resource> out = new ArrayList<>();
      for (long index = first; index < total; index += partitions) {
        out.add(generator.resource(shape, index));
      }
      return out.iterator();
    });
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** The collectors' time so far, as they count it (for G1, the pauses' time). */
  private static long gcMillis() {
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean bean : java.lang.management.ManagementFactory
        .getGarbageCollectorMXBeans()) {
      millis += Math.max(0, bean.getCollectionTime());
    }
    return millis;
  }

  private static long hash(Resource r) {
    return r.path().hashCode() * 31L + Arrays.hashCode(r.content()) + r.timestamp();
  }
}
