package org.kylinupgrade.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run's journal record: what it is, where it stands, what it created. Immutable. */
public final class Run {
  public enum Status { RUNNING, DONE, NOTHING_TO_DO, ABORTED, FAILED, ROLLED_BACK }

  // the journal's field names: written through these constants, read through the accessors below
  public static final String ID = "id";
  public static final String COMMAND = "command";
  public static final String STATUS = "status";
  public static final String STEP = "step";
  public static final String TABLE = "table";
  public static final String BACKUP_SNAPSHOT = "backup_snapshot";
  public static final String BACKUP_TIME = "backup_time";
  public static final String NEW_SNAPSHOT = "new_snapshot";
  public static final String STAGING_TABLE = "staging_table";
  public static final String BIG_CELLS = "big_cells";
  public static final String CHANGED = "changed";
  public static final String KEPT_UNLOADABLE = "kept_unloadable";
  public static final String SWAP_WINDOW_MS = "swap_window_ms";
  public static final String MESSAGE = "message";
  public static final String TARGET = "target";
  public static final String MAX_COMBINATION = "max_combination";
  public static final String MODELS = "models";
  public static final String CUBES = "cubes";
  public static final String PROJECTS = "projects";
  public static final String PURGE_CUBES = "purge_cubes";
  public static final String KEEP_UNLOADABLE = "keep_unloadable";
  public static final String ACL_COPY_ROW = "acl_copy_row";
  public static final String WRITTEN = "written";
  public static final String RESTORED_SNAPSHOT = "restored_snapshot";
  public static final String RESTORED_FOLDER = "restored_folder";
  public static final String UNDONE_RUN = "undone_run";
  public static final String ACL_SNAPSHOT = "acl_snapshot";
  public static final String USER_SNAPSHOT = "user_snapshot";
  public static final String BIG_CELLS_BACKUP = "big_cells_backup";
  public static final String RESTORED_SIDE_TABLES = "restored_side_tables";
  public static final String RESOURCES = "resources";

  private final Map<String, String> fields;

  Run(Map<String, String> fields) {
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String id() {
    return fields.get(ID);
  }

  public String command() {
    String command = fields.get(COMMAND);
    return command == null ? "upgrade" : command;
  }

  public boolean is(String command) {
    return command.equals(command());
  }

  public Status status() {
    String status = fields.get(STATUS);
    return status == null ? Status.RUNNING : Status.valueOf(status);
  }

  public Step step() {
    String step = fields.get(STEP);
    return step == null ? Step.STARTED : Step.valueOf(step);
  }

  /** The metadata table the run works on. */
  public String table() {
    return fields.get(TABLE);
  }

  /** The snapshot that puts the table back as it was before the run; null before it was taken. */
  public String backupSnapshot() {
    return blankToNull(fields.get(BACKUP_SNAPSHOT));
  }

  /** When the backup snapshot was taken (the master's clock, epoch ms); 0 if unknown. */
  public long backupTime() {
    return getLong(BACKUP_TIME);
  }

  /** The snapshot the swap puts in place of the live table; null before the swap began. */
  public String newSnapshot() {
    return blankToNull(fields.get(NEW_SNAPSHOT));
  }

  /** Big-cell resources the run staged as files. */
  public List<String> bigCells() {
    return lines(fields.get(BIG_CELLS));
  }

  /** The release the run upgrades to, as recorded (its label); null for runs recorded before targets existed. */
  public String target() {
    return blankToNull(fields.get(TARGET));
  }

  /**
   * For the 1.5 target, the limit of combinations per aggregation group the run upgraded for; Kylin's default for
   * runs recorded before it was recorded.
   */
  public int maxCombination() {
    String recorded = blankToNull(fields.get(MAX_COMBINATION));
    return recorded == null ? org.kylinupgrade.cuboid.V15Cuboids.DEFAULT_MAX_COMBINATION : Integer.parseInt(recorded);
  }

  public List<String> models() {
    return csv(fields.get(MODELS));
  }

  public List<String> cubes() {
    return csv(fields.get(CUBES));
  }

  public List<String> projects() {
    return csv(fields.get(PROJECTS));
  }

  public List<String> purgeCubes() {
    return csv(fields.get(PURGE_CUBES));
  }

  public boolean keepUnloadable() {
    return Boolean.parseBoolean(fields.get(KEEP_UNLOADABLE));
  }

  public boolean keptUnloadable() {
    return Boolean.parseBoolean(fields.get(KEPT_UNLOADABLE));
  }

  public long changed() {
    return getLong(CHANGED);
  }

  public String swapWindowMs() {
    return fields.get(SWAP_WINDOW_MS);
  }

  public String message() {
    return fields.get(MESSAGE);
  }

  /** The ACL row a hybrid run copied the cube's entries to; null if none. */
  public String aclCopyRow() {
    return blankToNull(fields.get(ACL_COPY_ROW));
  }

  /** What a rollback restores: a snapshot, or null. */
  public String restoredSnapshot() {
    return blankToNull(fields.get(RESTORED_SNAPSHOT));
  }

  /** What a rollback restores: a folder, or null. */
  public String restoredFolder() {
    return blankToNull(fields.get(RESTORED_FOLDER));
  }

  /** The run a rollback undoes, or null. */
  public String undoneRun() {
    return blankToNull(fields.get(UNDONE_RUN));
  }

  public String aclSnapshot() {
    return blankToNull(fields.get(ACL_SNAPSHOT));
  }

  public String userSnapshot() {
    return blankToNull(fields.get(USER_SNAPSHOT));
  }

  public String bigCellsBackup() {
    return blankToNull(fields.get(BIG_CELLS_BACKUP));
  }

  /** What a rollback restored besides the table (ACL/user tables, big-cell files), or null. */
  public String restoredSideTables() {
    return blankToNull(fields.get(RESTORED_SIDE_TABLES));
  }

  /** How many resources a rollback from a folder verified in its staging table. */
  public long resources() {
    return getLong(RESOURCES);
  }

  public String started() {
    return fields.get("started");
  }

  public String finished() {
    return fields.get("finished");
  }

  public String user() {
    return fields.get("user");
  }

  public String host() {
    return fields.get("host");
  }

  /** Any recorded field, for what a command records only for its report (prefer the accessors). */
  public String get(String field) {
    return fields.get(field);
  }

  public long getLong(String field) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? 0L : Long.parseLong(v);
  }

  public boolean unfinished() {
    return status() == Status.RUNNING;
  }

  public Map<String, String> fields() {
    return fields;
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static List<String> csv(String value) {
    return value == null || value.isEmpty() ? Collections.<String>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(value.split(","))));
  }

  private static List<String> lines(String value) {
    return value == null || value.isEmpty() ? Collections.<String>emptyList()
        : Collections.unmodifiableList(new ArrayList<>(Arrays.asList(value.split("\n"))));
  }

  @Override
  public String toString() {
    return command() + " run " + id() + " (" + status() + ", last step " + step() + ", started " + started()
        + " by " + user() + "@" + host() + ")";
  }
}
