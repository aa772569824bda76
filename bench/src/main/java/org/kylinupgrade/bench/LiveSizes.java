package org.kylinupgrade.bench;

/**
 * The sizes of the live benchmark's tables. {@code rows}/{@code metadata}: the big table and its cube metadata
 * (cost independence, swap window); {@code sequentialMetadata}: the metadata-only table of the sequential baseline;
 * {@code swapRows}: the small table of the swap window (same share of cube metadata as the big one);
 * {@code heapRows}/{@code heapMetadata}: the small table of the heap measure, whose big table has {@code rows} rows and
 * the same {@code heapMetadata}; {@code rollbackRows}: the small table of the rollback measure (same share of cube
 * metadata as the big one, as for the swap); {@code segments}: segments of every built cube.
 */
record LiveSizes(int rows, int metadata, int sequentialMetadata, int swapRows, int heapRows, int heapMetadata,
    int rollbackRows, int segments) {

  MetadataTable big() {
    return MetadataTable.of(rows, metadata, segments);
  }

  MetadataTable bigMetadataOnly() {
    return MetadataTable.of(metadata, metadata, segments);
  }

  MetadataTable swapSmall() {
    return sameShare(swapRows);
  }

  MetadataTable rollbackSmall() {
    return sameShare(rollbackRows);
  }

  /** A table of {@code smallRows} rows with the big table's share of cube metadata (at least one copy). */
  private MetadataTable sameShare(int smallRows) {
    long share = Math.max(1, (long) metadata * smallRows / rows);
    return MetadataTable.of(smallRows, (int) share, segments);
  }

  MetadataTable sequential() {
    return MetadataTable.of(sequentialMetadata, sequentialMetadata, segments);
  }

  MetadataTable heapSmall() {
    return MetadataTable.of(heapRows, heapMetadata, segments);
  }

  MetadataTable heapBig() {
    return MetadataTable.of(rows, heapMetadata, segments);
  }
}
