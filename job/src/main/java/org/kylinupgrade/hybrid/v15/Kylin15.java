package org.kylinupgrade.hybrid.v15;

/** Facts of Kylin 1.5.4.1 the 1.5 entities share. */
public final class Kylin15 {
  /**
   * What Kylin 1.5.4.1 writes into a new entity's {@code version}: {@code KylinVersion.getCurrentVersion()}, printed
   * as major.minor.revision, so the fourth part of 1.5.4.1 is dropped.
   */
  public static final String NEW_ENTITY_VERSION = "1.5.4";

  private Kylin15() {
  }
}
