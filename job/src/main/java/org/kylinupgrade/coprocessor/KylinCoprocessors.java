package org.kylinupgrade.coprocessor;

import java.util.List;
import java.util.Set;

/** Kylin's coprocessor classes, v1 (Kylin 1.3) and v2 (Kylin 1.4-alpha), as its DeployCoprocessorCLI names them. */
public final class KylinCoprocessors {
  public static final String V1_OBSERVER = "org.apache.kylin.storage.hbase.coprocessor.observer.AggregateRegionObserver";
  public static final String V1_II_ENDPOINT = "org.apache.kylin.storage.hbase.coprocessor.endpoint.IIEndpoint";
  public static final String V2_CUBE_OBSERVER = "org.apache.kylin.storage.hbase.cube.v1.coprocessor.observer.AggregateRegionObserver";
  public static final String V2_CUBE_ENDPOINT = "org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint.CubeVisitService";
  public static final String V2_II_ENDPOINT = "org.apache.kylin.storage.hbase.ii.coprocessor.endpoint.IIEndpoint";

  /** Every name Kylin removes before adding its own set: both versions' classes. */
  public static final Set<String> ALL =
      Set.of(V1_OBSERVER, V1_II_ENDPOINT, V2_CUBE_OBSERVER, V2_CUBE_ENDPOINT, V2_II_ENDPOINT);

  private KylinCoprocessors() {
  }

  public static boolean isKylin(String className) {
    return ALL.contains(className);
  }

  /** The set a version attaches, with its priorities (1.4-alpha's {@code resetCoprocessor}, 1.3.0's CLI). */
  public enum Target {
    V1(List.of(new Wanted(V1_II_ENDPOINT, 1000), new Wanted(V1_OBSERVER, 1001))),
    V2(List.of(new Wanted(V2_II_ENDPOINT, 1000), new Wanted(V2_CUBE_ENDPOINT, 1001), new Wanted(V2_CUBE_OBSERVER, 1002)));

    private final List<Wanted> classes;

    Target(List<Wanted> classes) {
      this.classes = classes;
    }

    public List<Wanted> classes() {
      return classes;
    }

    public List<String> classNames() {
      return classes.stream().map(Wanted::className).toList();
    }

    /** The entries to attach, all loaded from {@code jarPath}, without parameters. */
    public List<CoprocessorEntry> entries(String jarPath) {
      return classes.stream().map(w -> new CoprocessorEntry(w.className(), jarPath, w.priority())).toList();
    }
  }

  /** One class of a target set and its priority. */
  public record Wanted(String className, int priority) {
  }
}
