package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * v2 {@code CubeSegment}. Its dictionary and snapshot maps are {@code ConcurrentHashMap}s in Kylin, so a re-saved
 * segment lists them in that map's iteration order; binding into the same type reproduces it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "name", "status", "dictionaries", "snapshots", "storage_location_identifier",
    "date_range_start", "date_range_end", "size_kb", "input_records", "input_records_size", "last_build_time",
    "last_build_job_id", "create_time_utc", "cuboid_shard_nums", "total_shards", "binary_signature"})
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
  public Map<Long, Short> cuboidShardNums = new HashMap<>();
  @JsonProperty("total_shards")
  public int totalShards = 0;
  @JsonProperty("binary_signature")
  public String binarySignature;
  @JsonProperty("dictionaries")
  public ConcurrentHashMap<String, String> dictionaries;
  @JsonProperty("snapshots")
  public ConcurrentHashMap<String, String> snapshots;
}
