package org.kylinupgrade.kylin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Kylin 1.5.4.1's {@code HybridManager} made of a folder's hybrids.
 *
 * @param managerError null when the manager started, else its error
 */
public record KylinHybrids(String version, String managerError, List<Hybrid> hybrids, String log) {
  public KylinHybrids {
    hybrids = List.copyOf(hybrids);
  }

  /**
   * A hybrid file: {@code loaded} when the manager has it; {@code entries} maps each realization entry
   * ({@code TYPE:name}) to whether Kylin's realization registry finds it; {@code realizations} are those
   * {@code HybridInstance.getRealizations()} keeps (found and ready), by name.
   */
  public record Hybrid(String path, String name, boolean loaded, Map<String, Boolean> entries,
      List<String> realizations, String message) {
  }

  public Optional<Hybrid> hybrid(String name) {
    return hybrids.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst();
  }

  static KylinHybrids parse(String tsv, String log) {
    KylinRows child = KylinRows.of(tsv);
    String managerError = null;
    boolean managerSeen = false;
    List<Hybrid> hybrids = new ArrayList<>();
    for (String[] f : child.rows) {
      switch (f[0]) {
        case "manager" -> {
          managerSeen = true;
          managerError = f[2].equals("ok") ? null : f[3];
        }
        case "hybrid" -> {
          Map<String, Boolean> entries = new LinkedHashMap<>();
          if (!f[4].isEmpty()) {
            for (String entry : f[4].split(",")) {
              int eq = entry.lastIndexOf('=');
              entries.put(entry.substring(0, eq), entry.substring(eq + 1).equals("found"));
            }
          }
          hybrids.add(new Hybrid(f[1], f[2], f[3].equals("loaded"), entries,
              f[5].isEmpty() ? List.of() : Arrays.asList(f[5].split(",")), f[6]));
        }
        default -> throw KylinRows.unexpected(f);
      }
    }
    if (!managerSeen) {
      throw new IllegalStateException("the Kylin child did not start the HybridManager; its log ends with:\n"
          + KylinClient.tail(log));
    }
    return new KylinHybrids(child.version, managerError, hybrids, log);
  }
}
