package org.kylinupgrade.rules.v15;

/** The version labels of Kylin 1.5 entities. */
public final class Versions {
  /** What Kylin 1.5.4.1 writes into a new entity's {@code version}: its release in three parts. */
  public static final String KYLIN = "1.5.4";
  /** What the upgrade's last step ({@code MetadataVersionRefresher}) writes into every JSON resource. */
  public static final String UPGRADED = "1.5.1";

  private Versions() {
  }
}
