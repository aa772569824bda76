package org.kylinupgrade.cuboid;

/** A cuboid set would exceed the enumeration bound it was asked to respect. */
public final class CuboidSetTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long bound;

  public CuboidSetTooLargeException(String what, long bound) {
    super(what + " has more than " + bound + " cuboids; not enumerated");
    this.bound = bound;
  }

  public long bound() {
    return bound;
  }
}
