package org.kylinupgrade.jobs;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Writes a metadata folder (Kylin's {@code metastore.sh backup} layout) into the metadata table, creating
 * the table with Kylin's layout when it is missing. The folder is checked whole before anything is written.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Write a metadata folder into the metadata table (created with Kylin's layout if missing).")
public final class LoadJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "DIR", required = true,
      description = "a metadata folder: every regular file, dotfiles included, is a resource")
  String fromFolder;

  @Option(names = "--replace", description = "empty a non-empty table first (otherwise it is refused)")
  boolean replace;

  public static void main(String[] args) {
    JobCommandLine.main(new LoadJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    Configuration conf = cluster.hbaseConfiguration();
    try (FolderStore folder = new FolderStore(fromFolder, conf)) {
      List<String> paths = checkedPaths(folder);
      try (HBaseCluster hbase = cluster.connect();
          HBaseStore table = hbase.openOrCreateStore(cluster.metadataUrl())) {
        if (!table.isEmpty()) {
          if (!replace) {
            throw new BadInputException(table.describe() + " is not empty; pass --replace to empty it first");
          }
          org.kylinupgrade.journal.JournaledRun runs = new org.kylinupgrade.journal.JournaledRun(hbase, cluster.metadataUrl());
          runs.lock().requireFree("replacing the content of " + table.describe());
          runs.journal().unfinished().ifPresent(run -> {
            throw new org.kylinupgrade.journal.RunStoppedException("replacing the content of " + table.describe()
                + " is refused: " + run + " stopped half-way; " + org.kylinupgrade.journal.JournaledRun.nextCommand(run));
          });
          table.clear();
        }
        long bigCells = 0;
        for (String path : paths) {
          Resource r = folder.read(path);
          if (r.content().length > hbase.maxCellSize()) {
            bigCells++;
          }
          table.put(r);
        }
        table.flush();
        console.outcomef("loaded %d resources (%d big cells under %s) from %s into %s",
            paths.size(), bigCells, cluster.metadataUrl().metadataWorkingDir(hbase.workingDir()) + "resources",
            folder.describe(), table.describe());
      }
    }
    return ExitCodes.OK;
  }

  /** Lists the folder and refuses what a metadata table cannot hold, before the table is touched. */
  private static List<String> checkedPaths(FolderStore folder) throws java.io.IOException {
    List<String> paths = folder.listPaths();
    if (paths.isEmpty()) {
      throw new BadInputException(folder.describe() + " holds no resources");
    }
    for (String path : paths) {
      if (folder.fileSystem().getFileStatus(new org.apache.hadoop.fs.Path(folder.root(), path.substring(1))).getLen() == 0) {
        throw new BadInputException(folder.describe() + ": resource " + path + " is empty; Kylin's HBase store reads an "
            + "empty cell as a pointer to a big-cell file, so it cannot be loaded");
      }
    }
    return paths;
  }
}
