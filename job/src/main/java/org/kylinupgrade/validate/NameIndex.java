package org.kylinupgrade.validate;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kylinupgrade.rules.UpgradeRules;

/** Which names exist, per resource type, compared as Kylin v2 compares them: case-insensitively. */
public final class NameIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Set<String>> keysByType = new HashMap<>();

  public static NameIndex of(Iterable<EntityName> names) {
    NameIndex index = new NameIndex();
    for (EntityName name : names) {
      index.keysByType.computeIfAbsent(name.type(), t -> new HashSet<>()).add(UpgradeRules.groupKey(name.name()));
    }
    return index;
  }

  boolean has(String type, String name) {
    return name != null
        && keysByType.getOrDefault(type, Collections.<String>emptySet()).contains(UpgradeRules.groupKey(name));
  }
}
