package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.kylinupgrade.metadata.RowSelection;

/**
 * The rows of a metadata table an upgrade must read; every other row is carried over unread (job records and
 * dictionaries are most of a real table).
 */
public final class RowsRead {
  /** What Kylin 1.4-alpha's rules read: models, descs, the cubes that use them, projects and tables. */
  public static final List<String> CUBE_METADATA = Collections.unmodifiableList(
      Arrays.asList("/cube/", "/cube_desc/", "/model_desc/", "/project/", "/table/"));
  /** A purge also discards the purged cubes' unfinished jobs. */
  public static final List<String> JOB_RECORDS = Collections.unmodifiableList(
      Arrays.asList("/execute/", "/execute_output/"));

  /** The folders Kylin 1.5's version label leaves out (prefixes as Kylin tests them: no trailing slash). */
  static final List<String> UNLABELLED = Collections.unmodifiableList(Arrays.asList("/dict", "/table_snapshot"));

  private RowsRead() {
  }

  /**
   * For 1.4-alpha, the cube metadata folders. For 1.5, every resource Kylin 1.5's version label applies to (a
   * {@code .json} path outside {@code /dict} and {@code /table_snapshot}, see {@link VersionRefresh#applies}),
   * which includes the cube metadata; the dictionaries, table snapshots and job records are skipped by key range,
   * unread. With a purge, the job records are read too.
   */
  public static RowSelection forUpgrade(UpgradeTarget target, boolean purging) {
    if (target == UpgradeTarget.V1_4_ALPHA) {
      List<String> folders = new ArrayList<String>(CUBE_METADATA);
      if (purging) {
        folders.addAll(JOB_RECORDS);
      }
      return RowSelection.under(folders);
    }
    String labelled = "(?!/dict|/table_snapshot).*\\.json$";
    if (purging) {
      return RowSelection.matchingOutside("^(?:/execute/|/execute_output/|" + labelled + ")", UNLABELLED);
    }
    // Kylin names job records by their uuid alone, never .json: their folders hold nothing the label applies to
    List<String> skipped = new ArrayList<String>(UNLABELLED);
    skipped.addAll(JOB_RECORDS);
    return RowSelection.matchingOutside("^" + labelled, skipped);
  }
}
