package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.apache.hadoop.hbase.client.Admin;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.TableOutcome;
import org.kylinupgrade.coprocessor.TablePlan;

/**
 * Kylin's per-table coprocessor procedure: disable, replace the Kylin coprocessors, modify, enable.
 * Unlike Kylin's CLI, a table that already carries the wanted set is left alone, and a table is never left
 * disabled by a failed step: it is re-enabled and the failure reported.
 */
public final class CoprocessorTables {
  /** Failure points for the tests: a table is disabled (not yet modified); modified (not yet enabled again). */
  public static final String DISABLED = "coprocessor:disabled";
  public static final String MODIFIED = "coprocessor:modified";

  private CoprocessorTables() {
  }

  /** The coprocessors of the tables that exist, in one request; absent tables are absent from the map. */
  public static Map<String, List<CoprocessorEntry>> coprocessorsOf(HBaseCluster cluster, Collection<String> tables)
      throws IOException {
    List<TableName> names = new ArrayList<>();
    for (String table : tables) {
      if (isValidName(table)) {
        names.add(TableName.valueOf(table));
      }
    }
    if (names.isEmpty()) {
      return new LinkedHashMap<>();
    }
    try (Admin admin = cluster.connection().getAdmin()) {
      return Descriptors.coprocessorsOf(admin, names);
    }
  }

  private static boolean isValidName(String table) {
    try {
      TableName.valueOf(table);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Brings one table to {@code wanted} (or, with {@code dryRun}, says what that would change). */
  public static TableOutcome deploy(HBaseCluster cluster, String table, List<CoprocessorEntry> wanted, boolean dryRun) {
    try (Admin admin = cluster.adminConnection().getAdmin()) {
      TableName name = TableName.valueOf(table);
      List<CoprocessorEntry> current;
      try {
        current = Descriptors.coprocessorsOf(admin, name);
      } catch (TableNotFoundException e) {
        return TableOutcome.missing(table);
      }
      boolean enabled = admin.isTableEnabled(name);
      TablePlan plan = TablePlan.of(current, enabled, wanted);
      if (plan.alreadyRight()) {
        return TableOutcome.skipped(table, plan.before());
      }
      if (dryRun) {
        return new TableOutcome(table, TableOutcome.Status.WOULD_CHANGE, enabled, enabled, plan.before(), plan.after(),
            plan.describe(), null);
      }
      return apply(admin, name, plan);
    } catch (IOException | RuntimeException e) {
      return TableOutcome.notAttempted(table, message(e));
    }
  }

  private static TableOutcome apply(Admin admin, TableName name, TablePlan plan) {
    String table = name.getNameAsString();
    String step = "disable";
    String error = null;
    try {
      if (plan.changesCoprocessors()) {
        if (!plan.needsEnabling()) {
          TableOperations.disable(admin, name);
        }
        org.kylinupgrade.journal.FailurePoints.reached(DISABLED);
        step = "modify";
        Descriptors.replaceCoprocessors(admin, name, plan.toRemove(), plan.toAdd());
        org.kylinupgrade.journal.FailurePoints.reached(MODIFIED);
      }
    } catch (IOException | RuntimeException e) {
      error = "table " + table + ": " + step + " failed: " + message(e);
    } finally {
      error = enableIfDisabled(admin, name, error);
    }
    List<CoprocessorEntry> after;
    boolean enabledAfter;
    try {
      after = Descriptors.coprocessorsOf(admin, name);
      enabledAfter = admin.isTableEnabled(name);
    } catch (IOException | RuntimeException e) {
      return new TableOutcome(table, TableOutcome.Status.FAILED, !plan.needsEnabling(), false, plan.before(), java.util.Collections.<CoprocessorEntry>emptyList(),
          plan.describe(), join(error, "table " + table + ": cannot read it back: " + message(e)));
    }
    TableOutcome.Status status = error == null ? TableOutcome.Status.CHANGED : TableOutcome.Status.FAILED;
    return new TableOutcome(table, status, !plan.needsEnabling(), enabledAfter, plan.before(), after, plan.describe(), error);
  }

  /** The last step, also after a failure: a cube table left disabled would break Kylin's queries on it. */
  private static String enableIfDisabled(Admin admin, TableName name, String error) {
    try {
      if (!admin.isTableEnabled(name)) {
        TableOperations.enable(admin, name);
      }
      return error;
    } catch (IOException | RuntimeException e) {
      return join(error, "table " + name.getNameAsString() + ": enable failed, the table is left DISABLED (enable it in "
          + "the HBase shell: enable '" + name.getNameAsString() + "'): " + message(e));
    }
  }

  private static String join(String first, String second) {
    return first == null ? second : first + "; " + second;
  }

  private static String message(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int newline = m.indexOf('\n');
    return e.getClass().getSimpleName() + ": " + (newline < 0 ? m : m.substring(0, newline));
  }
}
