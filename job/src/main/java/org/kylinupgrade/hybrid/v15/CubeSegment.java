package org.kylinupgrade.hybrid.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kylin 1.5 {@code CubeSegment}. Its dictionary and snapshot maps are {@code ConcurrentHashMap}s and its additional
 * info a {@code HashMap} (written only when not empty), so a re-saved segment lists them in those maps' iteration
 * order; binding into the same types reproduces it. {@code rowkey_stats} holds arrays of any JSON values.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "name", "status", "dictionaries", "snapshots", "additionalInfo",
    "storage_location_identifier", "date_range_start", "date_range_end", "source_offset_start", "source_offset_end",
    "size_kb", "input_records", "input_records_size", "last_build_time", "last_build_job_id", "create_time_utc",
    "cuboid_shard_nums", "total_shards", "blackout_cuboids", "binary_signature", "index_path", "rowkey_stats"})
public final class CubeSegment {
  /** {@code SegmentStatusEnum}. */
  public enum Status {
    NEW, READY, READY_PENDING
  }

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("name")
  public String name;
  @JsonProperty("storage_location_identifier")
  public String storageLocationIdentifier;
  @JsonProperty("date_range_start")
  public long dateRangeStart;
  @JsonProperty("date_range_end")
  public long dateRangeEnd;
  @JsonProperty("source_offset_start")
  public long sourceOffsetStart;
  @JsonProperty("source_offset_end")
  public long sourceOffsetEnd;
  @JsonProperty("status")
  public Status status;
  @JsonProperty("size_kb")
  public long sizeKb;
  @JsonProperty("input_records")
  public long inputRecords;
  @JsonProperty("input_records_size")
  public long inputRecordsSize;
  @JsonProperty("last_build_time")
  public long lastBuildTime;
  @JsonProperty("last_build_job_id")
  public String lastBuildJobId;
  @JsonProperty("create_time_utc")
  public long createTimeUtc;
  @JsonProperty("cuboid_shard_nums")
  public Map<Long, Short> cuboidShardNums = new HashMap<Long, Short>();
  @JsonProperty("total_shards")
  public int totalShards = 0;
  @JsonProperty("blackout_cuboids")
  public List<Long> blackoutCuboids = new ArrayList<Long>();
  @JsonProperty("binary_signature")
  public String binarySignature;
  @JsonProperty("dictionaries")
  public ConcurrentHashMap<String, String> dictionaries;
  @JsonProperty("snapshots")
  public ConcurrentHashMap<String, String> snapshots;
  @JsonProperty("index_path")
  public String indexPath;
  @JsonProperty("rowkey_stats")
  public List<Object[]> rowkeyStats = new ArrayList<Object[]>();
  @JsonProperty("additionalInfo")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public HashMap<String, String> additionalInfo = new LinkedHashMap<String, String>();

  /** {@code isSourceOffsetsOn}: a streaming segment, ranged by source offsets rather than dates. */
  public boolean sourceOffsetsOn() {
    return sourceOffsetStart != 0 || sourceOffsetEnd != 0;
  }

  /** {@code getSourceOffsetStart}: the date range stands in when the offsets are off. */
  public long rangeStart() {
    return sourceOffsetsOn() ? sourceOffsetStart : dateRangeStart;
  }

  /** {@code getSourceOffsetEnd}. */
  public long rangeEnd() {
    return sourceOffsetsOn() ? sourceOffsetEnd : dateRangeEnd;
  }

  /** {@code sourceOffsetOverlaps}. */
  public boolean overlaps(CubeSegment other) {
    return sourceOffsetsOn() ? sourceOffsetStart < other.sourceOffsetEnd && other.sourceOffsetStart < sourceOffsetEnd
        : dateRangeStart < other.dateRangeEnd && other.dateRangeStart < dateRangeEnd;
  }

  /** {@code sourceOffsetContains}. */
  public boolean contains(CubeSegment other) {
    return sourceOffsetsOn() ? sourceOffsetStart <= other.sourceOffsetStart && other.sourceOffsetEnd <= sourceOffsetEnd
        : dateRangeStart <= other.dateRangeStart && other.dateRangeEnd <= dateRangeEnd;
  }
}
