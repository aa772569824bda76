package org.kylinupgrade.rules.v2;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A project's or hybrid's member ({@code RealizationEntry}). */
@JsonAutoDetect(fieldVisibility = Visibility.NONE, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
@JsonPropertyOrder({"type", "realization"})
public final class RealizationEntry {
  /** {@code RealizationType}. */
  public enum Type {
    CUBE, INVERTED_INDEX, HYBRID
  }

  @JsonProperty("type")
  public Type type;
  @JsonProperty("realization")
  public String realization;

  public static RealizationEntry of(Type type, String realization) {
    RealizationEntry entry = new RealizationEntry();
    entry.type = type;
    entry.realization = realization;
    return entry;
  }

  /** Kylin compares realization names case-insensitively. */
  public boolean is(Type otherType, String name) {
    return type == otherType && realization != null && realization.equalsIgnoreCase(name);
  }
}
