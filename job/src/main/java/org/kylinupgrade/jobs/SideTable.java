package org.kylinupgrade.jobs;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.kylinupgrade.journal.Run;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * One of the tables Kylin keeps beside its metadata table, the ACL table and the user table: a {@code backup}
 * snapshots it with the metadata table and journals the snapshot's name; a rollback to that backup restores it.
 */
final class SideTable {
  /** The HTable. */
  final String table;
  /** The journal field in which a backup run names its snapshot of the table. */
  final String snapshotField;
  private final Function<Run, String> snapshotOf;

  private SideTable(String table, String snapshotField, Function<Run, String> snapshotOf) {
    this.table = table;
    this.snapshotField = snapshotField;
    this.snapshotOf = snapshotOf;
  }

  /** The ACL table, then the user table, of the metadata at {@code url}. */
  static List<SideTable> of(MetadataUrl url) {
    return Arrays.asList(new SideTable(url.aclTable(), Run.ACL_SNAPSHOT, Run::aclSnapshot),
        new SideTable(url.userTable(), Run.USER_SNAPSHOT, Run::userSnapshot));
  }

  /** The snapshot a backup run took of this table, or null when it took none. */
  String snapshotIn(Run backup) {
    return snapshotOf.apply(backup);
  }
}
