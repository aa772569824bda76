package org.kylinupgrade.rules;

import java.util.Locale;
import org.kylinupgrade.rules.v15.CubeDesc;

/**
 * A Kylin 1.5.4.1 cube desc signature ({@code CubeDesc.calculateSignature}): Base64 of the MD5 of
 * {@code name|json(model_name)|json(null_string)|json(dimensions)|json(measures)|json(rowkey)|json(aggregation_groups)|
 * json(hbase_mapping)|json(engine_type)|json(storage_type)|}, each JSON compact, over the initialised desc, with all
 * whitespace removed and lower-cased. Unlike 1.4-alpha's it covers the engine and storage types and not the model's
 * partition.
 */
public final class Signature15 {
  private Signature15() {
  }

  /** Over a desc already in its initialised (upper-cased, encoding-resolved) form. */
  public static Signature compute(CubeDesc desc) {
    String input = desc.name
        + "|" + KylinJson.compact(desc.modelName)
        + "|" + KylinJson.compact(desc.nullStrings)
        + "|" + KylinJson.compact(desc.dimensions)
        + "|" + KylinJson.compact(desc.measures)
        + "|" + KylinJson.compact(desc.rowkey)
        + "|" + KylinJson.compact(desc.aggregationGroups)
        + "|" + KylinJson.compact(desc.hbaseMapping)
        + "|" + KylinJson.compact(desc.engineType)
        + "|" + KylinJson.compact(desc.storageType)
        + "|";
    return Signature.ofPreHash(withoutWhitespace(input).toLowerCase(Locale.ROOT));
  }

  /**
   * {@code text.replaceAll("\\s+", "")} without a regex (the regex and the lower-casing after it were 7 % of the
   * group conversion's CPU): drops the characters Java's {@code \s} matches (space, tab, line feed, vertical tab,
   * form feed, carriage return).
   */
  static String withoutWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != 0x0B && c != '\f' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }
}
