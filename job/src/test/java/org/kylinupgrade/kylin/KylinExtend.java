package org.kylinupgrade.kylin;

import java.util.ArrayList;
import java.util.List;

/**
 * How Kylin 1.5.4.1's {@code ExtendCubeToHybridCLI.createFromCube} ran on a folder store.
 *
 * @param outcome OK (returned, logged no ERROR), ERRORS (returned, logged ERRORs: Kylin's own refusals are logged
 *                errors followed by a return) or THREW
 * @param thrown  what it threw, with its causes; empty unless THREW
 * @param errors  every ERROR message Kylin logged, in order
 * @param log     Kylin's log
 */
public record KylinExtend(String version, Outcome outcome, String thrown, List<String> errors, String log) {
  public enum Outcome {
    OK, ERRORS, THREW
  }

  public KylinExtend {
    errors = List.copyOf(errors);
  }

  /**
   * Whether the run ended in the ACL step, the only one that needs HBase: {@code HBaseConnection.get} with no
   * {@code kylin.storage.url} (or, with one, without HBase's classes).
   */
  public boolean aclStepFailed() {
    return outcome == Outcome.THREW && log.contains("ExtendCubeToHybridCLI.copyAcl");
  }

  public String summary() {
    return "Kylin " + version + " ExtendCubeToHybridCLI: " + outcome + (thrown.isEmpty() ? "" : " (" + thrown + ")")
        + ", " + errors.size() + " error(s) logged" + (errors.isEmpty() ? "" : ":\n  " + String.join("\n  ", errors));
  }

  static KylinExtend parse(String tsv, String log) {
    KylinRows child = KylinRows.of(tsv);
    Outcome outcome = null;
    String thrown = "";
    for (String[] f : child.rows) {
      if (!f[0].equals("extend")) {
        throw KylinRows.unexpected(f);
      }
      outcome = Outcome.valueOf(f[1].toUpperCase(java.util.Locale.ROOT));
      thrown = f[4];
    }
    if (outcome == null) {
      throw new IllegalStateException("the Kylin child reported no run of the tool; its log ends with:\n"
          + KylinClient.tail(log));
    }
    return new KylinExtend(child.version, outcome, thrown, child.errors, log);
  }
}
