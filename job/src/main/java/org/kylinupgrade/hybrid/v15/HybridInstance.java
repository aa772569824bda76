package org.kylinupgrade.hybrid.v15;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.kylinupgrade.rules.v2.RealizationEntry;

/** Kylin 1.5 {@code HybridInstance} ({@code /hybrid/<name>.json}): gains {@code version}. */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"uuid", "version", "name", "cost", "last_modified", "realizations"})
public final class HybridInstance {
  @JsonProperty("uuid")
  public String uuid;
  @JsonProperty("last_modified")
  public long lastModified;
  @JsonProperty("version")
  public String version = Kylin15.NEW_ENTITY_VERSION;
  @JsonProperty("name")
  public String name;
  @JsonProperty("realizations")
  public List<RealizationEntry> realizations;
  @JsonProperty("cost")
  public int cost = 50;
}
