import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;

/**
 * The benchmark's table chores, run as a source file ({@code java -cp <HBase client> HBaseAdminTool.java ...}) with
 * the client of the cluster's own major version: the HBase 2 client cannot clone a snapshot on an HBase 1 cluster.
 * Uses only Admin calls both clients have.
 *
 * <pre>
 * wait SECONDS                  until the master has assigned hbase:namespace
 * snapshot TABLE SNAPSHOT       flushes TABLE and snapshots it (an old snapshot of that name is replaced)
 * reset SNAPSHOT TABLE          drops every table named TABLE*, and snapshots TABLE_* but SNAPSHOT, then clones
 *                               SNAPSHOT into TABLE (SNAPSHOT "-": only drops)
 * count TABLE                   the rows of TABLE (first key only)
 * exists TABLE                  prints true or false
 * snapshots                     the snapshots' names, one a line
 * </pre>
 * The client configuration is the hbase-site.xml on the class path.
 */
public final class HBaseAdminTool {
  public static void main(String[] args) throws Exception {
    Configuration conf = HBaseConfiguration.create();
    if (args[0].equals("wait")) {
      long deadline = System.nanoTime() + Long.parseLong(args[1]) * 1_000_000_000L;
      conf.setInt("hbase.client.retries.number", 2);
      while (true) {
        try (Connection c = ConnectionFactory.createConnection(conf); Admin admin = c.getAdmin()) {
          // (HBase 1's isTableAvailable scans meta for the table's regions: not for meta itself)
          if (admin.tableExists(TableName.valueOf("hbase:namespace"))
              && admin.isTableAvailable(TableName.valueOf("hbase:namespace"))) {
            System.out.println("hbase: ready");
            return;
          }
        } catch (Exception e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("hbase:meta not available");
        }
        Thread.sleep(1000);
      }
    }
    try (Connection c = ConnectionFactory.createConnection(conf); Admin admin = c.getAdmin()) {
      switch (args[0]) {
        case "snapshot": {
          TableName table = TableName.valueOf(args[1]);
          admin.flush(table);
          if (snapshotExists(admin, args[2])) {
            admin.deleteSnapshot(args[2]);
          }
          admin.snapshot(args[2], table);
          System.out.println("snapshot " + args[2] + " of " + table);
          break;
        }
        case "reset": {
          String snapshot = args[1];
          String table = args[2];
          for (TableName name : admin.listTableNames(Pattern.compile(Pattern.quote(table) + ".*"))) {
            if (admin.isTableEnabled(name)) {
              admin.disableTable(name);
            }
            admin.deleteTable(name);
          }
          List<String> snapshots = new ArrayList<>();
          admin.listSnapshots().forEach(s -> snapshots.add(s.getName()));
          for (String s : snapshots) {
            if (s.startsWith(table + "_") && !s.equals(snapshot)) {
              admin.deleteSnapshot(s);
            }
          }
          if (!snapshot.equals("-")) {
            admin.cloneSnapshot(snapshot, TableName.valueOf(table));
            System.out.println("table " + table + " cloned from " + snapshot);
          }
          break;
        }
        case "count": {
          long rows = 0;
          try (Table t = c.getTable(TableName.valueOf(args[1]));
               ResultScanner scanner = t.getScanner(new Scan().setFilter(new FirstKeyOnlyFilter()).setCaching(1000))) {
            for (Result r : scanner) {
              rows++;
            }
          }
          System.out.println(rows);
          break;
        }
        case "snapshots":
          admin.listSnapshots().forEach(s -> System.out.println(s.getName()));
          break;
        case "exists":
          System.out.println(admin.tableExists(TableName.valueOf(args[1])));
          break;
        default:
          throw new IllegalArgumentException("wait|snapshot|reset|count|exists: " + args[0]);
      }
    }
  }

  private static boolean snapshotExists(Admin admin, String name) throws Exception {
    List<String> names = new ArrayList<>();
    admin.listSnapshots().forEach(s -> names.add(s.getName()));
    return names.contains(name);
  }
}
