package org.kylinupgrade.jobs;

import java.util.concurrent.Callable;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Writes the metadata table out in Kylin's folder layout (the inverse of {@code load}). */
@Command(name = "dump", mixinStandardHelpOptions = true,
    description = "Write the metadata table out as a metadata folder (the inverse of load).")
public final class DumpJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--to-folder", paramLabel = "DIR", required = true, description = "must not exist or be empty")
  String toFolder;

  public static void main(String[] args) {
    JobCommandLine.main(new DumpJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    try (HBaseCluster hbase = cluster.connect();
        HBaseStore table = hbase.openStore(cluster.metadataUrl());
        FolderStore folder = new FolderStore(toFolder, hbase.conf())) {
      boolean created = !folder.exists();
      folder.createEmpty();
      long[] count = {0};
      boolean done = false;
      try {
        table.forEach(r -> {
          folder.put(r);
          count[0]++;
        });
        done = true;
      } finally {
        if (!done) {
          // never leave a half-written dump behind
          if (created) {
            folder.delete();
          } else {
            folder.clear();
          }
        }
      }
      console.outcomef("dumped %d resources from %s into %s", count[0], table.describe(), folder.describe());
    }
    return ExitCodes.OK;
  }
}
