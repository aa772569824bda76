package org.kylinupgrade.hbase;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.SnapshotDescription;
import org.apache.hadoop.hbase.snapshot.SnapshotInfo;

/** HBase 2: snapshot descriptions as the client's {@code SnapshotDescription}. */
final class Snapshots {
  private Snapshots() {
  }

  static List<TableAdmin.SnapshotInfo> list(Admin admin, Pattern names) throws IOException {
    List<TableAdmin.SnapshotInfo> out = new ArrayList<>();
    for (SnapshotDescription d : admin.listSnapshots(names)) {
      out.add(new TableAdmin.SnapshotInfo(d.getName(), d.getTableNameAsString(), d.getCreationTime()));
    }
    return out;
  }

  static TableAdmin.ManifestStats manifestStats(Configuration conf, Admin admin, String snapshot) throws IOException {
    List<SnapshotDescription> found = admin.listSnapshots(Pattern.compile(Pattern.quote(snapshot)));
    if (found.isEmpty()) {
      throw new FileNotFoundException("snapshot " + snapshot + " does not exist");
    }
    SnapshotInfo.SnapshotStats stats = SnapshotInfo.getSnapshotStats(conf, found.get(0));
    return new TableAdmin.ManifestStats(stats.getStoreFilesCount(), stats.getStoreFilesSize(),
        stats.getMissingStoreFilesCount() + stats.getCorruptedStoreFilesCount());
  }
}
