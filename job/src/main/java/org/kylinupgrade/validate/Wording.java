package org.kylinupgrade.validate;

import org.kylinupgrade.rules.UpgradeTarget;

/** How findings name the Kylin release whose loading rules they apply. */
final class Wording {
  private Wording() {
  }

  /** "Kylin 1.5" or "Kylin v2" (1.4-alpha's format, the guide's v2). */
  static String kylin(UpgradeTarget target) {
    return target == UpgradeTarget.V1_5 ? "Kylin 1.5" : "Kylin v2";
  }
}
