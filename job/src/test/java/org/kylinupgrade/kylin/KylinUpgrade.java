package org.kylinupgrade.kylin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How Kylin 1.5.4.1's own upgrade entry ({@code CubeMetadataUpgradeEntry_v_1_5_1}) ran. The entry itself never
 * fails: it logs its problems and returns. So the outcome is read from its log.
 *
 * @param outcome     OK (returned, logged no ERROR), ERRORS (returned, logged ERRORs) or THREW
 * @param kylinMillis the time of the entry's {@code main}, as the child measured it
 * @param errors      every ERROR message Kylin logged (with its exception), in order
 * @param elapsed     the child JVM's wall time (start, copy, upgrade, move)
 * @param log         Kylin's log
 */
public record KylinUpgrade(String version, Outcome outcome, long kylinMillis, List<String> errors, Duration elapsed,
    String log) {

  public enum Outcome {
    OK, ERRORS, THREW
  }

  public KylinUpgrade {
    errors = List.copyOf(errors);
  }

  public String summary() {
    return "Kylin " + version + " CubeMetadataUpgradeEntry_v_1_5_1: " + outcome + " in " + kylinMillis
        + " ms (child " + elapsed.toMillis() + " ms), " + errors.size() + " error(s)"
        + (errors.isEmpty() ? "" : ":\n  " + String.join("\n  ", errors));
  }

  static KylinUpgrade parse(String tsv, String log, Duration elapsed) {
    KylinRows child = KylinRows.of(tsv);
    Outcome outcome = null;
    long millis = -1;
    for (String[] f : child.rows) {
      if (!f[0].equals("upgrade")) {
        throw KylinRows.unexpected(f);
      }
      outcome = Outcome.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
      millis = Long.parseLong(f[2]);
    }
    if (outcome == null) {
      throw new IllegalStateException("the Kylin child reported no upgrade; its log ends with:\n"
          + KylinClient.tail(log));
    }
    return new KylinUpgrade(child.version, outcome, millis, child.errors, elapsed, log);
  }
}
