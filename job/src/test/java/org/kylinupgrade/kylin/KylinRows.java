package org.kylinupgrade.kylin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a Kylin child wrote, one tab-separated row per line: the Kylin version it ran ({@code kylin} row), the errors
 * Kylin logged ({@code error} rows) and the rows of the tool it ran, each split into its fields.
 */
final class KylinRows {
  final String version;
  final List<String> errors;
  final List<String[]> rows;

  private KylinRows(String version, List<String> errors, List<String[]> rows) {
    this.version = version;
    this.errors = Collections.unmodifiableList(errors);
    this.rows = Collections.unmodifiableList(rows);
  }

  static KylinRows of(String tsv) {
    String version = null;
    List<String> errors = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = KylinLoad.fields(line);
      switch (f[0]) {
        case "kylin" -> version = f[1];
        case "error" -> errors.add(f[1]);
        default -> rows.add(f);
      }
    }
    return new KylinRows(version, errors, rows);
  }

  static IllegalStateException unexpected(String[] row) {
    return new IllegalStateException("unexpected row from the Kylin child: " + String.join("\t", row).strip());
  }
}
