package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.rules.UpgradeOptions;

/**
 * What the conversion costs on top of the job's own I/O, in one warm JVM with one local Spark context:
 * (a) identity copy {@code SparkFolders.read} → {@code SparkFolders.write};
 * (b) the upgrade's pipeline {@code SparkFolders.read} (cached, as the job does) → {@code UpgradePipeline.convert}
 * → write {@code conversion.output}.
 * As a diagnostic, the same two without the write: (a') read → count, (b') read → convert → count the output.
 * One warm-up round, then rounds of a, b, a', b'; medians.
 */
final class OverheadBench {
  static final double RATIO_TARGET = 1.2;

  private final BenchInputs inputs;
  private final Path work;
  private final Configuration conf = new Configuration();

  OverheadBench(Path home, Path work) {
    this.inputs = new BenchInputs(home, work);
    this.work = work;
  }

  void run(int descs, int projects, int totalResources, int rounds) throws IOException {
    Path in = inputs.ensure("overhead-" + descs + "-" + totalResources,
        new SyntheticV1Metadata.Shape(descs, projects, totalResources));
    long resources = Folders.countFiles(in);
    Path out = work.resolve("overhead-out");
    String loadBefore = Machine.loadAverage();
    Samples copy = new Samples();
    Samples pipeline = new Samples();
    Samples readOnly = new Samples();
    Samples pipelineNoWrite = new Samples();
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade bench", null)) {
      JavaSparkContext sc = spark.context();
      for (int round = 0; round <= rounds; round++) {
        long a = timed(sc, out, resources, () -> identityCopy(sc, in, out));
        long b = timed(sc, out, resources, () -> upgradePipeline(sc, in, out));
        long a2 = timed(sc, null, resources, () -> SparkFolders.read(sc, in.toString(), conf).count());
        long b2 = timed(sc, null, resources, () -> upgradeOutput(sc, in).output.count());
        System.out.printf("%s: (a) copy %.2f s, (b) pipeline %.2f s, (a') read %.2f s, (b') pipeline without "
            + "write %.2f s; load %s%n", round == 0 ? "warm-up" : "round " + round, a / 1e9, b / 1e9, a2 / 1e9,
            b2 / 1e9, Machine.loadAverage());
        if (round > 0) {
          copy.add(a);
          pipeline.add(b);
          readOnly.add(a2);
          pipelineNoWrite.add(b2);
        }
      }
    }
    Folders.deleteIfExists(out);
    System.out.println();
    System.out.printf("overhead: %,d resources (%,d cube descs), one warm JVM, one local Spark context, %d cores, "
        + "median of %d rounds after a warm-up; load average %s before, %s after%n", resources, descs,
        Machine.cores(), rounds, loadBefore, Machine.loadAverage());
    System.out.println("| measure | runs (s) | median (s) |");
    System.out.println("|---|---|---:|");
    row("(a) identity copy: SparkFolders.read -> SparkFolders.write", copy);
    row("(b) pipeline: SparkFolders.read -> UpgradePipeline.convert -> write output", pipeline);
    row("(a') diagnostic: SparkFolders.read -> count", readOnly);
    row("(b') diagnostic: SparkFolders.read -> UpgradePipeline.convert -> count output", pipelineNoWrite);
    double ratio = pipeline.median() / copy.median();
    System.out.printf("b / a = %.2f (target <= %.1f: %s); b - a = %.2f s%n", ratio, RATIO_TARGET,
        ratio <= RATIO_TARGET ? "met" : "NOT met", pipeline.median() - copy.median());
    System.out.printf("diagnostic, writes left out: b' / a' = %.2f; b' - a' = %.2f s%n",
        pipelineNoWrite.median() / readOnly.median(), pipelineNoWrite.median() - readOnly.median());
  }

  private interface Run {
    long resources() throws IOException;
  }

  /**
   * Times one run; with {@code out}, into a fresh empty folder whose file count is checked. Checks the resource
   * count and frees every cached RDD afterwards.
   */
  private static long timed(JavaSparkContext sc, Path out, long expected, Run run) throws IOException {
    if (out != null) {
      Folders.deleteIfExists(out);
      Files.createDirectories(out);
    }
    long start = System.nanoTime();
    long count = run.resources();
    long nanos = System.nanoTime() - start;
    if (count != expected || (out != null && Folders.countFiles(out) != expected)) {
      throw new IllegalStateException("counted " + count + " resources, expected " + expected);
    }
    sc.getPersistentRDDs().values().forEach(rdd -> rdd.unpersist(true));
    return nanos;
  }

  private long identityCopy(JavaSparkContext sc, Path in, Path out) throws IOException {
    JavaRDD<Resource> resources = SparkFolders.read(sc, in.toString(), conf);
    return SparkFolders.write(resources, out.toString(), conf);
  }

  private long upgradePipeline(JavaSparkContext sc, Path in, Path out) throws IOException {
    UpgradePipeline.ConversionResult conversion = upgradeOutput(sc, in);
    long written = SparkFolders.write(conversion.output, out.toString(), conf);
    conversion.release();
    return written;
  }

  /** As the upgrade job does it: the input read and cached, then converted; checks that it converted. */
  private UpgradePipeline.ConversionResult upgradeOutput(JavaSparkContext sc, Path in) throws IOException {
    JavaRDD<Resource> resources = SparkFolders.read(sc, in.toString(), conf).cache();
    UpgradePipeline.ConversionResult conversion =
        UpgradePipeline.convert(sc, resources, UpgradeOptions.of(System.currentTimeMillis()));
    if (conversion.changes.isEmpty() || !conversion.unloadable.isEmpty()) {
      throw new IllegalStateException("the conversion changed nothing or found unloadable resources: "
          + conversion.changes.size() + " changes, " + conversion.unloadable.size() + " unloadable");
    }
    return conversion;
  }

  private static void row(String measure, Samples samples) {
    System.out.printf("| %s | %s | %.2f |%n", measure, samples.all(), samples.median());
  }
}
