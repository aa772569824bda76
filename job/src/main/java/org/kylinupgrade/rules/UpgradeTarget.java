package org.kylinupgrade.rules;

/** The Kylin release whose metadata format an upgrade writes. */
public enum UpgradeTarget {
  /** Kylin 1.4-alpha's {@code CubeMetadataUpgradeV2}: the v2 format as the 1.4-alpha tag writes it. */
  V1_4_ALPHA("1.4-alpha", "Kylin v2.0"),
  /**
   * Kylin 1.5.4.1's {@code CubeMetadataUpgradeEntry_v_1_5_1}: the format the released 1.5 line loads, corrected
   * where Kylin's own upgrade is wrong.
   */
  V1_5("1.5", "Kylin 1.5");

  /** What the command line uses when {@code --to} is not given. */
  public static final UpgradeTarget DEFAULT = V1_5;

  private final String label;
  private final String release;

  UpgradeTarget(String label, String release) {
    this.label = label;
    this.release = release;
  }

  /** As the command line names it: {@code 1.5}, {@code 1.4-alpha}. */
  public String label() {
    return label;
  }

  /** The Kylin release that must load what this target writes, as messages name it: "Kylin 1.5", "Kylin v2.0". */
  public String release() {
    return release;
  }

  /**
   * The target a command line value names.
   *
   * @throws IllegalArgumentException naming the accepted values when it names none
   */
  public static UpgradeTarget parse(String value) {
    for (UpgradeTarget target : values()) {
      if (target.label.equals(value == null ? null : value.trim())) {
        return target;
      }
    }
    throw new IllegalArgumentException("unknown upgrade target '" + value + "'; accepted: " + accepted());
  }

  /** The accepted labels, comma separated, the default first. */
  public static String accepted() {
    StringBuilder out = new StringBuilder(DEFAULT.label);
    for (UpgradeTarget target : values()) {
      if (target != DEFAULT) {
        out.append(", ").append(target.label);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return label;
  }
}
