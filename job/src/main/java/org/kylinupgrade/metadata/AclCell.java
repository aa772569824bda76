package org.kylinupgrade.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One cell of a row of Kylin's ACL table ({@code <prefix>_acl}): family, qualifier, value. */
public final class AclCell {
  private final String family;
  private final String qualifier;
  private final byte[] value;

  public AclCell(String family, String qualifier, byte[] value) {
    this.family = Objects.requireNonNull(family, "family");
    this.qualifier = Objects.requireNonNull(qualifier, "qualifier");
    this.value = value.clone();
  }

  public String family() {
    return family;
  }

  public String qualifier() {
    return qualifier;
  }

  public byte[] value() {
    return value.clone();
  }

  public boolean is(String otherFamily, String otherQualifier) {
    return family.equals(otherFamily) && qualifier.equals(otherQualifier);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AclCell)) {
      return false;
    }
    AclCell other = (AclCell) o;
    return family.equals(other.family) && qualifier.equals(other.qualifier) && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(family, qualifier, Arrays.hashCode(value));
  }

  @Override
  public String toString() {
    return family + ":" + qualifier + "=" + new String(value, StandardCharsets.UTF_8);
  }
}
