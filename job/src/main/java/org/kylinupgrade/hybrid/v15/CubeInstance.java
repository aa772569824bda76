package org.kylinupgrade.hybrid.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/** Kylin 1.5 {@code CubeInstance} ({@code /cube/<name>.json}); the sizes are computed over the READY segments. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "version", "name", "owner", "cost", "status", "segments", "last_modified", "descriptor",
    "create_time_utc", "size_kb", "input_records_count", "input_records_size"})
public final class CubeInstance {
  /** {@code RealizationStatusEnum}. */
  public enum Status {
    DISABLED, BUILDING, READY, DESCBROKEN
  }

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("version")
  public String version = Kylin15.NEW_ENTITY_VERSION;
  @JsonProperty("name")
  public String name;
  @JsonProperty("owner")
  public String owner;
  @JsonProperty("descriptor")
  public String descriptor;
  @JsonProperty("cost")
  public int cost = 50;
  @JsonProperty("status")
  public Status status;
  @JsonProperty("segments")
  public List<CubeSegment> segments = new ArrayList<CubeSegment>();
  @JsonProperty("create_time_utc")
  public long createTimeUtc;

  @JsonProperty("size_kb")
  public long sizeKb() {
    long sum = 0;
    for (CubeSegment segment : readySegments()) {
      sum += segment.sizeKb;
    }
    return sum;
  }

  @JsonProperty("input_records_count")
  public long inputRecordsCount() {
    long sum = 0;
    for (CubeSegment segment : readySegments()) {
      sum += segment.inputRecords;
    }
    return sum;
  }

  @JsonProperty("input_records_size")
  public long inputRecordsSize() {
    long sum = 0;
    for (CubeSegment segment : readySegments()) {
      sum += segment.inputRecordsSize;
    }
    return sum;
  }

  private List<CubeSegment> readySegments() {
    List<CubeSegment> ready = new ArrayList<CubeSegment>();
    if (segments != null) {
      for (CubeSegment segment : segments) {
        if (segment != null && segment.status == CubeSegment.Status.READY) {
          ready.add(segment);
        }
      }
    }
    return ready;
  }
}
