package org.kylinupgrade.hybrid;

/** Fixed uuids ({@code 00000000-0000-0000-0000-00000000000N}) in the order they are asked for, and a fixed clock. */
public final class FixedIds implements HybridIds {
  public static final long NOW = 1800000000000L;

  private int next;

  @Override
  public String newUuid() {
    return "00000000-0000-0000-0000-00000000000" + next++;
  }

  @Override
  public long now() {
    return NOW;
  }
}
