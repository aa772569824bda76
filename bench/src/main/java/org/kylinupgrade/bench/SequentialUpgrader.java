package org.kylinupgrade.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.CheckAndMutate;
import org.apache.hadoop.hbase.client.Get;
import org.apache.hadoop.hbase.client.Put;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.FilterList;
import org.apache.hadoop.hbase.filter.FirstKeyOnlyFilter;
import org.apache.hadoop.hbase.filter.KeyOnlyFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.kylinupgrade.hbase.BenchClient;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;

/**
 * Kylin's way of upgrading, done fairly: one thread, Kylin's resource-store calls against the live table, without
 * the cache reloads Kylin's own upgrader does. It lists each folder the rules read (a key-only scan, as Kylin's
 * {@code listResources}), reads every resource with one {@code Get}, converts each model group with the same pure
 * rules as the Spark pipeline ({@link UpgradeRules}, grouped in memory), and writes each rewritten resource with one
 * {@code checkAndMutate} on its timestamp, as Kylin's {@code checkAndPutResource} does.
 */
final class SequentialUpgrader {
  private static final List<String> FOLDERS = List.of("/cube/", "/cube_desc/", "/model_desc/", "/project/", "/table/");

  private final HBaseCluster cluster;

  /**
   * What one run did: resources read, rewritten (each one checkAndMutate), puts refused by the check; the time in
   * all and of its three phases (list and get, convert, checkAndMutate).
   */
  record Outcome(long nanos, int read, int rewritten, int refused, long readNanos, long convertNanos,
      long writeNanos) {
    double seconds() {
      return nanos / 1e9;
    }

    String phases() {
      return String.format("list + get %.1f s, convert %.1f s, checkAndMutate %.1f s", readNanos / 1e9,
          convertNanos / 1e9, writeNanos / 1e9);
    }
  }

  SequentialUpgrader(HBaseCluster cluster) {
    this.cluster = cluster;
  }

  Outcome upgrade(String tableName) throws IOException {
    long start = System.nanoTime();
    try (Table table = BenchClient.connection(cluster).getTable(TableName.valueOf(tableName))) {
      List<Resource> resources = new ArrayList<>();
      for (String folder : FOLDERS) {
        for (String path : list(table, folder)) {
          resources.add(get(table, path));
        }
      }
      long read = System.nanoTime();
      long runTimestamp = System.currentTimeMillis();
      List<Resource> rewritten = convert(resources, UpgradeOptions.of(runTimestamp));
      long converted = System.nanoTime();
      Map<String, Long> readTimestamps = new LinkedHashMap<>();
      resources.forEach(r -> readTimestamps.put(r.path(), r.timestamp()));
      int refused = 0;
      for (Resource r : rewritten) {
        refused += checkAndPut(table, r, readTimestamps.get(r.path())) ? 0 : 1;
      }
      long end = System.nanoTime();
      return new Outcome(end - start, resources.size(), rewritten.size(), refused, read - start, converted - read,
          end - converted);
    }
  }

  private static List<String> list(Table table, String folder) throws IOException {
    byte[] start = Bytes.toBytes(folder);
    byte[] stop = start.clone();
    stop[stop.length - 1]++;
    Scan scan = new Scan().withStartRow(start).withStopRow(stop)
        .setFilter(new FilterList(new FirstKeyOnlyFilter(), new KeyOnlyFilter())).setCaching(5000);
    List<String> paths = new ArrayList<>();
    try (ResultScanner scanner = table.getScanner(scan)) {
      for (Result row : scanner) {
        paths.add(Bytes.toString(row.getRow()));
      }
    }
    return paths;
  }

  private static Resource get(Table table, String path) throws IOException {
    Result row = table.get(new Get(Bytes.toBytes(path)).addFamily(HBaseStore.FAMILY));
    byte[] content = row.getValue(HBaseStore.FAMILY, HBaseStore.CONTENT);
    byte[] timestamp = row.getValue(HBaseStore.FAMILY, HBaseStore.TIMESTAMP);
    if (content == null || content.length == 0) {
      throw new IllegalStateException(path + " is a big cell: not part of this baseline's data");
    }
    return new Resource(path, content, timestamp == null ? 0L : Bytes.toLong(timestamp));
  }

  /** Kylin's {@code checkAndPutResource}: the put goes through only if {@code f:t} still holds what was read. */
  private static boolean checkAndPut(Table table, Resource r, long readTimestamp) throws IOException {
    byte[] row = Bytes.toBytes(r.path());
    Put put = new Put(row)
        .addColumn(HBaseStore.FAMILY, HBaseStore.CONTENT, r.content())
        .addColumn(HBaseStore.FAMILY, HBaseStore.TIMESTAMP, Bytes.toBytes(r.timestamp()));
    return table.checkAndMutate(CheckAndMutate.newBuilder(row)
        .ifEquals(HBaseStore.FAMILY, HBaseStore.TIMESTAMP, Bytes.toBytes(readTimestamp)).build(put)).isSuccess();
  }

  /** The pipeline's grouping (descs and cubes by model key, tables shared), in memory; the rewritten resources. */
  static List<Resource> convert(List<Resource> resources, UpgradeOptions options) {
    List<Resource> tableResources = new ArrayList<>();
    Map<String, List<Resource>> descsByModel = new LinkedHashMap<>();
    Map<String, Set<String>> modelsOfDesc = new LinkedHashMap<>();
    Map<String, Resource> modelByKey = new LinkedHashMap<>();
    List<Resource> cubes = new ArrayList<>();
    for (Resource r : resources) {
      switch (r.type()) {
        case "table" -> tableResources.add(r);
        case "cube_desc" -> {
          String modelKey = UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(r));
          descsByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(r);
          String descKey = UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(r));
          modelsOfDesc.computeIfAbsent(descKey, k -> new LinkedHashSet<>()).add(modelKey);
        }
        case "model_desc" -> modelByKey.putIfAbsent(UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r)), r);
        case "cube" -> cubes.add(r);
        default -> {
        }
      }
    }
    Map<String, List<Resource>> cubesByModel = new LinkedHashMap<>();
    for (Resource cube : cubes) {
      String descKey = UpgradeRules.groupKey(UpgradeRules.descNameOfCube(cube));
      for (String modelKey : modelsOfDesc.getOrDefault(descKey, Set.of())) {
        cubesByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(cube);
      }
    }
    TableCatalog tables = UpgradeRules.tables(tableResources);
    List<Resource> rewritten = new ArrayList<>();
    descsByModel.forEach((modelKey, descs) -> {
      GroupResult result = UpgradeRules.convertGroup(modelKey, modelByKey.get(modelKey), descs,
          cubesByModel.getOrDefault(modelKey, List.of()), tables, options);
      rewritten.addAll(result.rewritten());
    });
    return rewritten;
  }
}
