package org.kylinupgrade.bench;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.CompactionState;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.hbase.BenchClient;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.TableAdmin;
import org.kylinupgrade.journal.RunNames;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.SparkContexts;

/**
 * Generated v1 tables, kept as snapshots ("seeds") in the benchmark's HBase: a seed is generated once, in parallel
 * with a local Spark context and hbase-spark's bulk put ({@link HBaseRdds#bulkPut}), counted, major-compacted and
 * snapshotted; before
 * each run the measured table is dropped, with everything earlier runs left for it, and cloned from its seed.
 */
final class SeedTables implements Closeable {
  private static final int RESOURCES_PER_SLICE = 20_000;

  private final BenchHBase hbase;
  private final SyntheticV1Metadata generator;
  private SparkContexts spark;

  SeedTables(BenchHBase hbase, SyntheticV1Metadata generator) {
    this.hbase = hbase;
    this.generator = generator;
  }

  /** Generates the table's seed snapshot unless it is there already. */
  void ensure(MetadataTable table) throws IOException {
    TableAdmin admin = hbase.cluster().admin();
    SyntheticV1Metadata.Written written = generator.describe(table.shape());
    if (admin.snapshotExists(table.seedSnapshot())) {
      System.out.printf("table %s: seed snapshot %s kept (%s)%n", table.name(), table.seedSnapshot(), written);
      return;
    }
    String loading = table.seedSnapshot() + "_loading";
    admin.dropIfExists(loading);
    hbase.cluster().openOrCreateStore(MetadataUrl.parse(loading + "@hbase")).close();
    keepOneRegion(loading);
    long start = System.nanoTime();
    JavaSparkContext sc = spark();
    HBaseRdds.bulkPut(sc, hbase.cluster(), loading, generated(sc, table.shape(), written.total()), bigCellDir(loading));
    long rows = HBaseRdds.countRows(sc, hbase.cluster(), loading);
    if (rows != written.total()) {
      throw new IllegalStateException("table " + loading + " holds " + rows + " rows, not " + written.total());
    }
    majorCompact(loading);
    snapshotWithRetries(admin, loading, table.seedSnapshot());
    admin.dropIfExists(loading);
    System.out.printf("table %s: seed snapshot %s generated in %.1f s (%s)%n", table.name(), table.seedSnapshot(),
        (System.nanoTime() - start) / 1e9, written);
  }

  private String bigCellDir(String loading) {
    return MetadataUrl.parse(loading + "@hbase").metadataWorkingDir(hbase.cluster().workingDir()) + "resources";
  }

  /** Resources 0 … total-1 of {@code shape}, generated on the executors, a slice of indices per partition. */
  private JavaRDD<Resource> generated(JavaSparkContext sc, SyntheticV1Metadata.Shape shape, long total) {
    List<long[]> slices = new ArrayList<>();
    for (long from = 0; from < total; from += RESOURCES_PER_SLICE) {
      slices.add(new long[] {from, Math.min(total, from + RESOURCES_PER_SLICE)});
    }
    SyntheticV1Metadata resources = generator;
    return sc.parallelize(slices, Math.max(1, slices.size()))
        .flatMap(slice -> new Slice(resources, shape, slice[0], slice[1]));
  }

  /** The resources of one slice of indices, generated one at a time as they are consumed. */
  private static final class Slice implements Iterator<Resource> {
    private final SyntheticV1Metadata generator;
    private final SyntheticV1Metadata.Shape shape;
    private final long end;
    private long next;

    Slice(SyntheticV1Metadata generator, SyntheticV1Metadata.Shape shape, long from, long end) {
      this.generator = generator;
      this.shape = shape;
      this.next = from;
      this.end = end;
    }

    @Override
    public boolean hasNext() {
      return next < end;
    }

    @Override
    public Resource next() {
      if (next >= end) {
        throw new NoSuchElementException();
      }
      return generator.resource(shape, next++);
    }
  }

  /**
   * Compacts the freshly written table into one store file per region and waits for it, as a long-lived table is
   * (HBase's weekly major compaction): a clone of its seed then has nothing to compact while it is measured.
   */
  private void majorCompact(String table) throws IOException {
    TableName name = TableName.valueOf(table);
    try (Admin admin = BenchClient.connection(hbase.cluster()).getAdmin()) {
      admin.flush(name);
      // compact until the region has one store file, or a clone would compact (and a disable wait for it) while
      // it is measured
      for (int round = 1; round <= 10; round++) {
        admin.majorCompact(name);
        sleep(5_000);
        while (admin.getCompactionState(name) != CompactionState.NONE) {
          sleep(2_000);
        }
        sleep(5_000);
        if (admin.getCompactionState(name) == CompactionState.NONE && storeFilesPerRegion(admin, name) == 1) {
          return;
        }
      }
      throw new IOException("table " + table + " still has regions of several store files after 10 major compactions");
    }
  }

  /**
   * The seed and every clone of it stay one region: splits of a freshly written table keep leaving daughters with
   * reference files, and a clone of those compacts gigabytes in the background while it is measured.
   */
  private void keepOneRegion(String table) throws IOException {
    TableName name = TableName.valueOf(table);
    try (Admin admin = BenchClient.connection(hbase.cluster()).getAdmin()) {
      admin.modifyTable(org.apache.hadoop.hbase.client.TableDescriptorBuilder.newBuilder(admin.getDescriptor(name))
          .setRegionSplitPolicyClassName(org.apache.hadoop.hbase.regionserver.DisabledRegionSplitPolicy.class.getName())
          .build());
    }
  }

  /** The largest number of store files any region of the table has. */
  private static int storeFilesPerRegion(Admin admin, TableName name) throws IOException {
    int most = 0;
    for (org.apache.hadoop.hbase.ServerName server : admin.getRegionServers()) {
      for (org.apache.hadoop.hbase.RegionMetrics region : admin.getRegionMetrics(server, name)) {
        most = Math.max(most, region.getStoreFileCount());
      }
    }
    return most;
  }

  /** A snapshot can fail while a region of a freshly written table splits; it is retried. */
  private static void snapshotWithRetries(TableAdmin admin, String table, String snapshot) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        admin.snapshot(table, snapshot);
        return;
      } catch (IOException e) {
        if (attempt == 5) {
          throw e;
        }
        System.out.printf("snapshot of %s failed (%s); retrying%n", table, e.getMessage());
        sleep(10_000);
      }
    }
  }

  /**
   * Re-creates the measured table from its seed: drops the table, its run history and every table and snapshot
   * earlier runs made for it, then clones the seed snapshot into its name (links to the seed's files: nothing
   * copied).
   */
  void reset(MetadataTable table) throws IOException {
    HBaseCluster cluster = hbase.cluster();
    TableAdmin admin = cluster.admin();
    String runPrefix = table.name() + "_upg_";
    for (TableAdmin.SnapshotInfo snapshot : admin.snapshots(runPrefix)) {
      admin.deleteSnapshotIfExists(snapshot.name);
    }
    try (Admin raw = BenchClient.connection(cluster).getAdmin()) {
      for (TableName leftOver : raw.listTableNames(Pattern.compile(Pattern.quote(runPrefix) + ".*"))) {
        admin.dropIfExists(leftOver.getNameAsString());
      }
    }
    admin.dropIfExists(RunNames.historyTable(MetadataUrl.parse(table.url())));
    admin.dropIfExists(table.name());
    admin.cloneSnapshot(table.seedSnapshot(), table.name());
  }

  /** The table's rows, counted with a Spark job (keys only). */
  long countRows(String table) throws IOException {
    return HBaseRdds.countRows(spark(), hbase.cluster(), table);
  }

  private JavaSparkContext spark() {
    if (spark == null) {
      spark = SparkContexts.open("kylin-upgrade bench seeding", "local[*]");
    }
    return spark.context();
  }

  /** Stops the Spark context, so that it holds no memory and threads while commands are measured. */
  @Override
  public void close() {
    if (spark != null) {
      spark.close();
      spark = null;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
