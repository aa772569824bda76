package org.kylinupgrade.pipeline;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.SerializableConfiguration;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.Resource;

/** Metadata folders as RDDs: the driver lists names only, executors read and write the files. */
public final class SparkFolders {
  private static final int PATHS_PER_PARTITION = 2000;
  /** At most this many partitions per core: every task of every stage costs its scheduling, more do not balance better. */
  private static final int PARTITIONS_PER_CORE = 4;

  private SparkFolders() {
  }

  /**
   * How many partitions a folder of {@code resources} is read into: one per {@value #PATHS_PER_PARTITION} paths, at
   * least one per core, at most {@value #PARTITIONS_PER_CORE} per core.
   */
  public static int partitions(JavaSparkContext sc, int resources) {
    int cores = sc.defaultParallelism();
    return Math.max(cores, Math.min(resources / PATHS_PER_PARTITION + 1, PARTITIONS_PER_CORE * cores));
  }

  /**
   * How many partitions the model groups are converted in: their rules are most of an upgrade's work, so every core
   * gets a share whatever the input's split (a metadata table of one region is read by one task); at most one
   * partition per group, at most {@value #PARTITIONS_PER_CORE} per core unless the input has more.
   */
  static int groupPartitions(JavaSparkContext sc, int inputPartitions, long groups) {
    return (int) Math.max(inputPartitions, Math.min(groups, (long) PARTITIONS_PER_CORE * sc.defaultParallelism()));
  }

  public static JavaRDD<Resource> read(JavaSparkContext sc, String location, Configuration conf) throws IOException {
    List<String> paths;
    try (FolderStore folder = new FolderStore(location, conf)) {
      paths = folder.listPaths();
    }
    int partitions = partitions(sc, paths.size());
    Broadcast<SerializableConfiguration> confOf = broadcast(sc, conf);
    // the paths go to each executor once: a partition that held its own paths would carry them in every task of every
    // stage over the folder (a megabyte per task at 200,000 paths), serialized by the driver each time
    Broadcast<List<List<String>>> pathsOf = sc.broadcast(dealt(paths, partitions));
    return sc.parallelize(partitionNumbers(partitions), partitions).mapPartitions(numbers -> {
      List<Resource> out = new java.util.ArrayList<>();
      try (FolderStore folder = new FolderStore(location, confOf.value().value())) {
        while (numbers.hasNext()) {
          for (String path : pathsOf.value().get(numbers.next())) {
            out.add(folder.read(path));
          }
        }
      }
      return out.iterator();
    });
  }

  /**
   * The Hadoop configuration once per executor, as Spark's own Hadoop RDDs carry theirs: in a task's closure, all of
   * its properties (30 KB) would be serialized into every task and read back by each.
   */
  private static Broadcast<SerializableConfiguration> broadcast(JavaSparkContext sc, Configuration conf) {
    return sc.broadcast(new SerializableConfiguration(conf));
  }

  private static List<Integer> partitionNumbers(int partitions) {
    List<Integer> numbers = new java.util.ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      numbers.add(p);
    }
    return numbers;
  }

  /**
   * {@code items} dealt over {@code partitions} lists like cards: item i to list i mod {@code partitions}. A folder's
   * paths come sorted, so cubes and cube descs (the costly ones to check and convert) would otherwise fill the first
   * partitions and dictionaries and jobs the others, and every stage would wait on the first tasks.
   */
  static <T> List<List<T>> dealt(List<T> items, int partitions) {
    List<List<T>> lists = new java.util.ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      lists.add(new java.util.ArrayList<>(items.size() / partitions + 1));
    }
    for (int i = 0; i < items.size(); i++) {
      lists.get(i % partitions).add(items.get(i));
    }
    return lists;
  }

  /** Writes every resource into {@code location} (which the caller created empty); returns how many. */
  public static long write(JavaRDD<Resource> resources, String location, Configuration conf) {
    Broadcast<SerializableConfiguration> confOf = broadcast(JavaSparkContext.fromSparkContext(resources.context()),
        conf);
    return resources.mapPartitions(it -> {
      long n = 0;
      try (FolderStore folder = new FolderStore(location, confOf.value().value())) {
        while (it.hasNext()) {
          folder.put(it.next());
          n++;
        }
      }
      return java.util.Collections.singletonList(n).iterator();
    }).reduce(Long::sum);
  }
}
