package org.kylinupgrade.coprocessor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.kylinupgrade.util.Immutables;

/**
 * Kylin's coprocessor classes, as its DeployCoprocessorCLI names them: the "v1" names of Kylin 1.3 and the "v2"
 * names that Kylin 1.4-alpha and the 1.5 line use.
 */
public final class KylinCoprocessors {
  public static final String V1_OBSERVER = "org.apache.kylin.storage.hbase.coprocessor.observer.AggregateRegionObserver";
  public static final String V1_II_ENDPOINT = "org.apache.kylin.storage.hbase.coprocessor.endpoint.IIEndpoint";
  public static final String V2_CUBE_OBSERVER = "org.apache.kylin.storage.hbase.cube.v1.coprocessor.observer.AggregateRegionObserver";
  public static final String V2_CUBE_ENDPOINT = "org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint.CubeVisitService";
  public static final String V2_II_ENDPOINT = "org.apache.kylin.storage.hbase.ii.coprocessor.endpoint.IIEndpoint";

  /**
   * Every Kylin name, which every release removes before adding its own set (Kylin 1.3, 1.4-alpha and 1.5 all
   * remove these five); coprocessors of other names stay on the table.
   */
  public static final Set<String> ALL =
      Immutables.setOf(V1_OBSERVER, V1_II_ENDPOINT, V2_CUBE_OBSERVER, V2_CUBE_ENDPOINT, V2_II_ENDPOINT);

  private KylinCoprocessors() {
  }

  public static boolean isKylin(String className) {
    return ALL.contains(className);
  }

  /**
   * The set a Kylin release attaches, with its priorities: Kylin 1.5.4.1's {@code addCoprocessorOnHTable} (the
   * cube endpoint and observer, no inverted-index endpoint), Kylin 1.4-alpha's {@code resetCoprocessor}, and
   * Kylin 1.3.0's CLI (the set a rollback puts back).
   */
  public enum Target {
    KYLIN_1_5("1.5", null, new Wanted(V2_CUBE_ENDPOINT, 1001), new Wanted(V2_CUBE_OBSERVER, 1002)),
    KYLIN_1_4_ALPHA("1.4-alpha", "v2",
        new Wanted(V2_II_ENDPOINT, 1000), new Wanted(V2_CUBE_ENDPOINT, 1001), new Wanted(V2_CUBE_OBSERVER, 1002)),
    KYLIN_1_3("1.3", "v1", new Wanted(V1_II_ENDPOINT, 1000), new Wanted(V1_OBSERVER, 1001));

    /** The set deployed when no {@code --target} is given: the released Kylin 1.5's. */
    public static final Target DEFAULT = KYLIN_1_5;

    private final String label;
    private final String alias;
    private final List<Wanted> classes;

    Target(String label, String alias, Wanted... classes) {
      this.label = label;
      this.alias = alias;
      this.classes = Collections.unmodifiableList(Arrays.asList(classes));
    }

    /** As the command line names it: {@code 1.5}, {@code 1.4-alpha}, {@code 1.3}. */
    public String label() {
      return label;
    }

    public List<Wanted> classes() {
      return classes;
    }

    public List<String> classNames() {
      List<String> names = new ArrayList<>();
      for (Wanted w : classes) {
        names.add(w.className());
      }
      return Collections.unmodifiableList(names);
    }

    /** The entries to attach, all loaded from {@code jarPath}, without parameters. */
    public List<CoprocessorEntry> entries(String jarPath) {
      List<CoprocessorEntry> entries = new ArrayList<>();
      for (Wanted w : classes) {
        entries.add(new CoprocessorEntry(w.className(), jarPath, w.priority()));
      }
      return Collections.unmodifiableList(entries);
    }

    /**
     * The target a command line value names: a release ({@code 1.5}, {@code 1.4-alpha}, {@code 1.3}) or the older
     * names {@code v2} (1.4-alpha) and {@code v1} (1.3); case and surrounding blanks do not matter.
     *
     * @throws IllegalArgumentException naming the accepted values when it names none
     */
    public static Target parse(String value) {
      String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      for (Target target : values()) {
        if (target.label.equals(wanted) || wanted.equals(target.alias)) {
          return target;
        }
      }
      throw new IllegalArgumentException("unknown coprocessor target '" + value + "'; accepted: " + accepted());
    }

    /** The accepted values, the default first, then the aliases: {@code 1.5, 1.4-alpha, 1.3 (also v2 = 1.4-alpha, v1 = 1.3)}. */
    public static String accepted() {
      StringBuilder out = new StringBuilder(DEFAULT.label);
      StringBuilder aliases = new StringBuilder();
      for (Target target : values()) {
        if (target != DEFAULT) {
          out.append(", ").append(target.label);
        }
        if (target.alias != null) {
          aliases.append(aliases.length() == 0 ? "" : ", ").append(target.alias).append(" = ").append(target.label);
        }
      }
      return aliases.length() == 0 ? out.toString() : out + " (also " + aliases + ")";
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One class of a target set and its priority. */
  public static final class Wanted {
    private final String className;
    private final int priority;

    public Wanted(String className, int priority) {
      this.className = className;
      this.priority = priority;
    }

    public String className() {
      return className;
    }

    public int priority() {
      return priority;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Wanted)) {
        return false;
      }
      Wanted other = (Wanted) o;
      return Objects.equals(className, other.className)
          && priority == other.priority;
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(className);
      h = 31 * h + Integer.hashCode(priority);
      return h;
    }

    @Override
    public String toString() {
      return "Wanted[className=" + className + ", priority=" + priority + "]";
    }
  }
}
