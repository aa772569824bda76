package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * v2 {@code CubeInstance} ({@code /cube/<name>.json}); v1's has the same properties. The three sums at the end are
 * computed over the READY segments when Kylin writes a cube and ignored when it reads one.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "name", "owner", "version", "cost", "status", "segments", "last_modified", "descriptor",
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
  @JsonProperty("name")
  public String name;
  @JsonProperty("owner")
  public String owner;
  @JsonProperty("version")
  public String version;
  @JsonProperty("descriptor")
  public String descriptor;
  @JsonProperty("cost")
  public int cost = 50;
  @JsonProperty("status")
  public Status status;
  @JsonProperty("segments")
  public List<CubeSegment> segments = new ArrayList<>();
  @JsonProperty("create_time_utc")
  public long createTimeUtc;

  @JsonProperty("size_kb")
  public long sizeKb() {
    return readySegments().mapToLong(s -> s.sizeKb).sum();
  }

  @JsonProperty("input_records_count")
  public long inputRecordsCount() {
    return readySegments().mapToLong(s -> s.inputRecords).sum();
  }

  @JsonProperty("input_records_size")
  public long inputRecordsSize() {
    return readySegments().mapToLong(s -> s.inputRecordsSize).sum();
  }

  private java.util.stream.Stream<CubeSegment> readySegments() {
    return segments == null ? java.util.stream.Stream.empty()
        : segments.stream().filter(s -> s != null && s.status == CubeSegment.Status.READY);
  }
}
