package org.kylinupgrade.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kylinupgrade.util.Strings;

/** The cubes the operator asked to purge before the upgrade ({@code --purge-cubes A,B}), as the rules take them. */
public final class PurgeRequest {
  private PurgeRequest() {
  }

  /** The names given, each trimmed and once, in the order given; blank ones (a stray comma) are left out. */
  public static Set<String> cubeNames(List<String> names) {
    Set<String> set = new LinkedHashSet<>();
    for (String name : names) {
      if (!Strings.isBlank(name)) {
        set.add(name.trim());
      }
    }
    return set;
  }
}
