package org.kylinupgrade.bench;

/**
 * The sizes of the live benchmark's tables. {@code rows}/{@code metadata}: the big table and its cube metadata
 * (cost independence, swap window); {@code sequentialMetadata}: the metadata-only table of the sequential baseline;
 * {@code swapRows}: the small table of the swap window (same share of cube metadata as the big one);
 * {@code heapRows}/{@code heapMetadata}: the small table of the heap measure, whose big table has {@code rows} rows and
 * the same {@code heapMetadata}; {@code segments}: segments of every built cube.
 */
record LiveSizes(int rows, int metadata, int sequentialMetadata, int swapRows, int heapRows, int heapMetadata,
    int segments) {

  MetadataTable big() {
    return MetadataTable.of(rows, metadata, segments);
  }

  MetadataTable bigMetadataOnly() {
    return MetadataTable.of(metadata, metadata, segments);
  }

  MetadataTable swapSmall() {
    long share = Math.max(1, (long) metadata * swapRows / rows);
    return MetadataTable.of(swapRows, (int) share, segments);
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
