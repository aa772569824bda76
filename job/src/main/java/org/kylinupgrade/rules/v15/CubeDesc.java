package org.kylinupgrade.rules.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.kylinupgrade.rules.v2.HBaseMapping;

/**
 * Kylin 1.5 {@code CubeDesc} ({@code /cube_desc/<name>.json}). Its {@code dictionaries} property (written only when
 * set) is left out: nothing the upgrade reads or writes has it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "version", "name", "description", "dimensions", "measures", "rowkey", "signature",
    "last_modified", "model_name", "null_string", "hbase_mapping", "aggregation_groups", "notify_list",
    "status_need_notify", "partition_date_start", "partition_date_end", "auto_merge_time_ranges", "retention_range",
    "engine_type", "storage_type", "override_kylin_properties"})
public final class CubeDesc {
  public static final long DEFAULT_PARTITION_DATE_END = 3153600000000L;
  public static final int ENGINE_MR_V1 = 0;
  public static final int ENGINE_MR_V2 = 2;
  public static final int STORAGE_HBASE = 0;
  public static final int STORAGE_SHARDED_HBASE = 2;

  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("version")
  public String version = Versions.KYLIN;
  @JsonProperty("name")
  public String name;
  @JsonProperty("model_name")
  public String modelName;
  @JsonProperty("description")
  public String description;
  @JsonProperty("null_string")
  public String[] nullStrings;
  @JsonProperty("dimensions")
  public List<Dimension> dimensions;
  @JsonProperty("measures")
  public List<Measure> measures;
  @JsonProperty("rowkey")
  public RowKey rowkey;
  @JsonProperty("hbase_mapping")
  public HBaseMapping hbaseMapping;
  @JsonProperty("aggregation_groups")
  public List<AggregationGroup> aggregationGroups;
  @JsonProperty("signature")
  public String signature;
  @JsonProperty("notify_list")
  public List<String> notifyList;
  @JsonProperty("status_need_notify")
  public List<String> statusNeedNotify = Collections.emptyList();
  @JsonProperty("partition_date_start")
  public long partitionDateStart = 0L;
  @JsonProperty("partition_date_end")
  public long partitionDateEnd = DEFAULT_PARTITION_DATE_END;
  @JsonProperty("auto_merge_time_ranges")
  public long[] autoMergeTimeRanges;
  @JsonProperty("retention_range")
  public long retentionRange = 0;
  @JsonProperty("engine_type")
  public int engineType = ENGINE_MR_V1;
  @JsonProperty("storage_type")
  public int storageType = STORAGE_HBASE;
  @JsonProperty("override_kylin_properties")
  public LinkedHashMap<String, String> overrideKylinProperties = new LinkedHashMap<String, String>();
}
