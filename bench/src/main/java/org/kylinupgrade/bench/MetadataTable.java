package org.kylinupgrade.bench;

/**
 * A generated metadata table of the live benchmark: its {@link SyntheticV1Metadata.Shape}, the table the commands
 * upgrade, and the snapshot of its freshly generated v1 content from which that table is re-created before each run.
 */
record MetadataTable(String name, SyntheticV1Metadata.Shape shape) {
  /** Bumped whenever the generator's output or the seeds' layout changes, so that older seeds are not reused. */
  static final int GENERATION = 3;
  private static final int RESOURCES_PER_PROJECT = 500;
  private static final int MAX_PROJECTS = 100;
  private static final int TABLES = 3;

  /**
   * About {@code metadata} cube-metadata resources (descs, models and cubes in equal numbers, one project per
   * 500 resources up to 100, the sample's 3 tables), then pass-through resources up to {@code rows} in all.
   */
  static MetadataTable of(int rows, int metadata, int segments) {
    int projects = Math.max(1, Math.min(MAX_PROJECTS, metadata / RESOURCES_PER_PROJECT));
    int descs = Math.max(1, (metadata - TABLES - projects) / 3);
    int total = rows > metadata ? rows : 0;
    SyntheticV1Metadata.Shape shape = new SyntheticV1Metadata.Shape(descs, projects, total, segments);
    int generated = Math.max(total, 3 * descs + projects + TABLES);
    return new MetadataTable("bench_" + descs + "descs_" + generated + "rows", shape);
  }

  String url() {
    return name + "@hbase";
  }

  String seedSnapshot() {
    return String.format("bench_seed_g%d_%dd_%dp_%dt_%ds", GENERATION, shape.descs(), shape.projects(),
        shape.totalResources(), shape.segments());
  }
}
