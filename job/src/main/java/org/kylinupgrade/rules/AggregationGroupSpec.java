package org.kylinupgrade.rules;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One Kylin 1.5 aggregation group: the columns it includes and its select rule. Column names are written into the
 * desc as given, in the order given.
 */
public final class AggregationGroupSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> includes;
  private final List<String> mandatory;
  private final List<List<String>> hierarchies;
  private final List<List<String>> joints;

  public AggregationGroupSpec(List<String> includes, List<String> mandatory, List<List<String>> hierarchies,
      List<List<String>> joints) {
    this.includes = copy(includes);
    this.mandatory = copy(mandatory);
    this.hierarchies = copyAll(hierarchies);
    this.joints = copyAll(joints);
  }

  public List<String> includes() {
    return includes;
  }

  /** {@code select_rule.mandatory_dims}. */
  public List<String> mandatory() {
    return mandatory;
  }

  /** {@code select_rule.hierarchy_dims}, each from its top level down. */
  public List<List<String>> hierarchies() {
    return hierarchies;
  }

  /** {@code select_rule.joint_dims}. */
  public List<List<String>> joints() {
    return joints;
  }

  private static List<String> copy(List<String> values) {
    return Collections.unmodifiableList(new ArrayList<String>(values));
  }

  private static List<List<String>> copyAll(List<List<String>> lists) {
    List<List<String>> out = new ArrayList<List<String>>();
    for (List<String> list : lists) {
      out.add(copy(list));
    }
    return Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AggregationGroupSpec)) {
      return false;
    }
    AggregationGroupSpec other = (AggregationGroupSpec) o;
    return includes.equals(other.includes) && mandatory.equals(other.mandatory)
        && hierarchies.equals(other.hierarchies) && joints.equals(other.joints);
  }

  @Override
  public int hashCode() {
    return ((includes.hashCode() * 31 + mandatory.hashCode()) * 31 + hierarchies.hashCode()) * 31 + joints.hashCode();
  }

  @Override
  public String toString() {
    return "{includes " + includes + ", mandatory " + mandatory + ", hierarchies " + hierarchies + ", joints "
        + joints + "}";
  }
}
