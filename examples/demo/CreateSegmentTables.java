import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptorBuilder;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.client.TableDescriptorBuilder;
import org.kylinupgrade.coprocessor.CubeTables;
import org.kylinupgrade.coprocessor.KylinCoprocessors;
import org.kylinupgrade.coprocessor.Realization;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.MetadataUrl;

/**
 * Demo only, not a product command: creates an empty HTable for every READY segment (and inverted index) that
 * the metadata names, so that the coprocessor command has cube tables to work on. A real Kylin cluster has these
 * tables with data; here they have one column family and no rows.
 *
 * <p>Run with the tool's classpath: {@code java -cp <classpath> examples/demo/CreateSegmentTables.java URL}
 * (HBASE_CONF_DIR names the cluster).
 */
public class CreateSegmentTables {
  public static void main(String[] args) throws Exception {
    MetadataUrl url = MetadataUrl.parse(args.length > 0 ? args[0] : MetadataUrl.DEFAULT);
    try (HBaseCluster hbase = HBaseCluster.connect(HBaseCluster.configuration(null, null), null);
        HBaseStore store = hbase.openStore(url);
        Connection connection = ConnectionFactory.createConnection(hbase.conf());
        Admin admin = connection.getAdmin()) {
      List<Realization> realizations = new ArrayList<>();
      for (String folder : Realization.FOLDERS) {
        store.forEachUnder(folder, r -> Realization.of(r).ifPresent(realizations::add));
      }
      for (String table : new CubeTables(realizations, KylinCoprocessors.Target.KYLIN_1_5).all()) {
        if (hbase.tableExists(table)) {
          System.out.println("  exists:  " + table);
          continue;
        }
        admin.createTable(TableDescriptorBuilder.newBuilder(TableName.valueOf(table))
            .setColumnFamily(ColumnFamilyDescriptorBuilder.of("F1"))
            .setValue("KYLIN_HOST", url.prefix())
            .build());
        System.out.println("  created: " + table);
      }
    }
  }
}
