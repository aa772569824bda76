package org.kylinupgrade.jobs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.MetadataStore;
import org.kylinupgrade.metadata.ResourcePaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What is there: resource counts per type, in the metadata table or a folder. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show what the metadata table (or a folder) holds: counts per resource type.")
public final class InfoJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", description = "look at a metadata folder instead of the table")
  String fromFolder;

  public static void main(String[] args) {
    System.exit(JobCommandLine.execute(new InfoJob(), args));
  }

  @Override
  public Integer call() throws Exception {
    if (fromFolder != null) {
      try (FolderStore folder = new FolderStore(fromFolder, new org.apache.hadoop.conf.Configuration())) {
        folder.listPaths();
        print(folder);
      }
    } else {
      try (HBaseCluster hbase = cluster.connect();
          MetadataStore table = hbase.openStore(cluster.metadataUrl())) {
        print(table);
      }
    }
    return ExitCodes.OK;
  }

  static Map<String, Long> countByType(MetadataStore store) throws java.io.IOException {
    Map<String, Long> counts = new TreeMap<>();
    store.forEachPath(p -> counts.merge(ResourcePaths.typeOf(p), 1L, Long::sum));
    return counts;
  }

  private static void print(MetadataStore store) throws java.io.IOException {
    Map<String, Long> counts = countByType(store);
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    System.out.println(store.describe() + ": " + total + " resources");
    counts.forEach((type, n) -> System.out.printf("  %-20s %6d%n", type, n));
  }
}
