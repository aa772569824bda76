package org.kylinupgrade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * READY segments as Kylin 1.3 writes them into a built cube (see {@code examples/kylin-1.3.0-localmeta/cube}):
 * consecutive 30-day ranges from 2012-01-01, each with its HTable, build job, dictionaries and lookup snapshots.
 * Names and ids are derived from the cube's placeholders, so they are unique per cube.
 */
final class CubeSegments implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter SEGMENT_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final long RANGE_MS = 30L * 24 * 3600 * 1000;
  private static final int DICTIONARIES_PER_SEGMENT = 6;

  private final List<String> dictFolders;
  private final List<String> lookupTables;

  CubeSegments(List<String> dictFolders, List<String> lookupTables) {
    this.dictFolders = List.copyOf(dictFolders);
    this.lookupTables = List.copyOf(lookupTables);
  }

  /** The cube JSON {@code cubeTemplate} with {@code count} segments and status READY. */
  String addTo(String cubeTemplate, int count) {
    try {
      ObjectNode cube = (ObjectNode) JSON.readTree(cubeTemplate);
      ArrayNode segments = cube.putArray("segments");
      for (int k = 0; k < count; k++) {
        segments.add(segment(k));
      }
      cube.put("status", "READY");
      return PRETTY.writeValueAsString(cube);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String time(long millis) {
    return SEGMENT_TIME.format(Instant.ofEpochMilli(millis));
  }

  private ObjectNode segment(int k) {
    long start = SyntheticV1Metadata.PARTITION_DATE_START + k * RANGE_MS;
    long end = start + RANGE_MS;
    String id = SyntheticV1Metadata.UUID_TOKEN + "-" + k;
    ObjectNode segment = JSON.createObjectNode()
        .put("name", time(start) + "_" + time(end))
        .put("storage_location_identifier", "KYLIN-CUBE-" + SyntheticV1Metadata.CUBE_TOKEN + "-" + k)
        .put("date_range_start", start)
        .put("date_range_end", end)
        .put("status", "READY")
        .put("size_kb", 7801)
        .put("source_records", 10000)
        .put("source_records_size", 608012)
        .put("last_build_time", end + 3_600_000)
        .put("last_build_job_id", id)
        .putNull("binary_signature");
    ObjectNode dictionaries = segment.putObject("dictionaries");
    for (int d = 0; d < Math.min(DICTIONARIES_PER_SEGMENT, dictFolders.size()); d++) {
      String folder = dictFolders.get(d);
      String column = folder.substring("/dict/".length());
      dictionaries.put(column, folder + "/" + id + ".dict");
    }
    ObjectNode snapshots = segment.putObject("snapshots");
    for (String table : lookupTables) {
      snapshots.put(table, "/table_snapshot/" + table + "/" + id + ".snapshot");
    }
    return segment;
  }
}
