package org.kylinupgrade.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;

/**
 * Cube descs and cubes that the target's Kylin skips because one loaded before them (in path order) has the same
 * name; Kylin v2.0 and 1.5 keep both in case-insensitive caches.
 */
final class DuplicateNames {
  private DuplicateNames() {
  }

  static List<Finding> find(List<EntityName> names, UpgradeTarget target) {
    Map<String, List<EntityName>> byKey = new LinkedHashMap<>();
    names.stream()
        .filter(DuplicateNames::registeredByName)
        .sorted(Comparator.comparing(EntityName::path))
        .forEach(n -> byKey.computeIfAbsent(n.type() + "/" + UpgradeRules.groupKey(n.name()), k -> new ArrayList<>())
            .add(n));
    List<Finding> findings = new ArrayList<>();
    for (List<EntityName> sameName : byKey.values()) {
      EntityName first = sameName.get(0);
      for (EntityName later : sameName.subList(1, sameName.size())) {
        findings.add(new Finding(Finding.Kind.DUPLICATE_NAME, later.path(), Wording.kylin(target) + " skips it: " + first.path()
            + " already has the name '" + later.name() + "'"));
      }
    }
    return findings;
  }

  /**
   * A cube desc whose path is not its name's is skipped before the duplicate check (and reported as unloadable),
   * so it takes no name.
   */
  private static boolean registeredByName(EntityName name) {
    if (!name.declared()) {
      return false;
    }
    switch (name.type()) {
      case EntityName.CUBE:
        return true;
      case EntityName.CUBE_DESC:
        return name.path().equals(ResourcePaths.cubeDescPath(name.name()));
      default:
        return false;
    }
  }
}
