package org.kylinupgrade.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * The floor of a whole folder upgrade command: {@link EmptyCountJob}'s Spark start and empty count, then the upgrade's
 * work in the same fresh JVM without Spark: the folder read, the plain rules ({@link PlainConvert}) and the folder
 * written, each on plain threads, one per core: what any Spark command that runs the same rules on this machine's cores
 * has to do at least. Prints the resources read and written, and when each step ended (seconds since the JVM started).
 *
 * <p>Usage: {@code FloorCommand IN OUT [1.5|1.4-alpha]}
 */
public final class FloorCommand {
  private FloorCommand() {
  }

  public static void main(String[] args) throws Exception {
    UpgradeTarget target = UpgradeTarget.parse(args.length > 2 ? args[2] : "1.5");
    int threads = Runtime.getRuntime().availableProcessors();
    SparkConf conf = new SparkConf().setAppName("floor command").setMaster("local[*]")
        .set("spark.ui.enabled", "false").set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.driver.host", "127.0.0.1");
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      System.out.println("count: " + sc.emptyRDD().count());
      StringBuilder steps = new StringBuilder("spark ").append(uptime());
      List<Resource> resources = new ArrayList<>();
      try (FolderStore in = new FolderStore(args[0], sc.hadoopConfiguration())) {
        List<String> paths = in.listPaths();
        PlainConvert.inParallel(threads, i -> {
          List<Resource> share = new ArrayList<>();
          for (String path : PlainConvert.share(paths, i, threads)) {
            share.add(read(in, path));
          }
          return share;
        }).forEach(resources::addAll);
      }
      steps.append(", read ").append(uptime());
      PlainConvert.Outcome outcome = PlainConvert.convert(resources, UpgradeOptions.of(System.currentTimeMillis(),
          target), threads);
      steps.append(", convert ").append(uptime());
      List<FolderStore> outs = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        outs.add(new FolderStore(args[1], sc.hadoopConfiguration()));
      }
      outs.get(0).createEmpty();
      PlainConvert.inParallel(threads, i -> {
        for (Resource r : PlainConvert.share(outcome.output(), i, threads)) {
          put(outs.get(i), r);
        }
        return i;
      });
      for (FolderStore out : outs) {
        out.close();
      }
      steps.append(", write ").append(uptime());
      System.out.printf("read %d, written %d (%d changes)%n", resources.size(), outcome.output().size(),
          outcome.changes());
      System.out.println(steps + " (s since the JVM started)");
    }
  }

  private static String uptime() {
    return String.format("%.2f", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
  }

  private static Resource read(FolderStore store, String path) {
    try {
      return store.read(path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void put(FolderStore store, Resource resource) {
    try {
      store.put(resource);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
