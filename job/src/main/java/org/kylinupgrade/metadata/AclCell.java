package org.kylinupgrade.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** One cell of a row of Kylin's ACL table ({@code <prefix>_acl}): family, qualifier, value. */
public record AclCell(String family, String qualifier, byte[] value) {
  public AclCell {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(qualifier, "qualifier");
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  public boolean is(String otherFamily, String otherQualifier) {
    return family.equals(otherFamily) && qualifier.equals(otherQualifier);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AclCell other && family.equals(other.family) && qualifier.equals(other.qualifier)
        && Arrays.equals(value, other.value);
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
