package org.kylinupgrade;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.hbase.CoprocessorTables;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.hbase.TestHBase;
import org.kylinupgrade.metadata.MetadataUrl;
import org.kylinupgrade.metadata.Resource;

/** Cube metadata and cube HTables for the coprocessor tests and benchmark: the tables made with HBase's own API. */
public final class CubeTableFixture {
  private final HBaseCluster cluster;
  private final List<Resource> resources = new ArrayList<>();
  private final List<String> projectMembers = new ArrayList<>();

  public CubeTableFixture(HBaseCluster cluster) {
    this.cluster = cluster;
  }

  /** A cube whose segments are {@code STATUS:TABLE}, e.g. {@code READY:KYLIN_ABC}. */
  public CubeTableFixture cube(String name, String... segments) {
    resources.add(Resource.ofText("/cube/" + name + ".json", realization(name, "READY", segments), 1_420_016_227_424L));
    projectMembers.add("{\"type\": \"CUBE\", \"realization\": \"" + name + "\"}");
    return this;
  }

  public CubeTableFixture index(String name, String status, String... segments) {
    resources.add(Resource.ofText("/invertedindex/" + name + ".json", realization(name, status, segments), 1_420_016_227_424L));
    projectMembers.add("{\"type\": \"INVERTED_INDEX\", \"realization\": \"" + name + "\"}");
    return this;
  }

  /** A project holding every cube and index added so far. */
  public CubeTableFixture project(String name) {
    resources.add(Resource.ofText("/project/" + name + ".json", "{\"name\": \"" + name + "\", \"realizations\": ["
        + String.join(", ", projectMembers) + "]}", 1_420_016_227_424L));
    projectMembers.clear();
    return this;
  }

  private static String realization(String name, String status, String... segments) {
    List<String> json = new ArrayList<>();
    for (String s : segments) {
      String[] statusTable = s.split(":", 2);
      json.add("{\"name\": \"s" + json.size() + "\", \"status\": \"" + statusTable[0]
          + "\", \"storage_location_identifier\": \"" + statusTable[1] + "\"}");
    }
    return "{\"uuid\": \"" + java.util.UUID.nameUUIDFromBytes(name.getBytes()) + "\", \"name\": \"" + name
        + "\", \"status\": \"" + status + "\", \"segments\": [" + String.join(", ", json) + "]}";
  }

  /** Writes the metadata into {@code <table>@hbase}. */
  public void load(String metadataTable) throws IOException {
    try (HBaseStore store = cluster.openOrCreateStore(MetadataUrl.parse(metadataTable + "@hbase"))) {
      for (Resource r : resources) {
        store.put(r);
      }
      store.flush();
    }
  }

  /** Creates the tables (a few at a time), each with one family and the given coprocessors. */
  public void createTables(Map<String, List<CoprocessorEntry>> tables) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      tables.forEach((table, coprocessors) -> futures.add(pool.submit(() -> {
        createTable(table, coprocessors);
        return null;
      })));
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  public void createTable(String table, List<CoprocessorEntry> coprocessors) throws IOException {
    try (Admin admin = TestHBase.admin(cluster)) {
      CubeTableCreation.create(admin, table, coprocessors);
    }
  }

  public void disable(String table) throws IOException {
    try (Admin admin = TestHBase.admin(cluster)) {
      admin.disableTable(TableName.valueOf(table));
    }
  }

  public boolean isEnabled(String table) throws IOException {
    try (Admin admin = TestHBase.admin(cluster)) {
      return admin.isTableEnabled(TableName.valueOf(table));
    }
  }

  public List<CoprocessorEntry> coprocessors(String table) throws IOException {
    List<CoprocessorEntry> entries = CoprocessorTables.coprocessorsOf(cluster, List.of(table)).get(table);
    if (entries == null) {
      throw new IllegalStateException("no table " + table);
    }
    return entries;
  }

  public List<CoprocessorEntry> kylinCoprocessors(String table) throws IOException {
    return coprocessors(table).stream().filter(CoprocessorEntry::isKylin).toList();
  }
}
