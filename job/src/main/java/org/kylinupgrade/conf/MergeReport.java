package org.kylinupgrade.conf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kylinupgrade.util.Immutables;

/** What merge-conf did with each key, as the operator reads it and as JSON. */
public final class MergeReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A key the operator's value was carried for; {@code v1Default} null when the v1 template is unknown or lacks it. */
  public static final class Carried {
    private final String key;
    private final String value;
    private final String v1Default;
    private final String v2Default;

    public Carried(String key, String value, String v1Default, String v2Default) {
      this.key = key;
      this.value = value;
      this.v1Default = v1Default;
      this.v2Default = v2Default;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    public String v1Default() {
      return v1Default;
    }

    public String v2Default() {
      return v2Default;
    }

    public boolean differsFromV2Default() {
      return !value.equals(v2Default);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Carried)) {
        return false;
      }
      Carried other = (Carried) o;
      return Objects.equals(key, other.key) && Objects.equals(value, other.value)
          && Objects.equals(v1Default, other.v1Default) && Objects.equals(v2Default, other.v2Default);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, value, v1Default, v2Default);
    }

    @Override
    public String toString() {
      return "Carried[key=" + key + ", value=" + value + ", v1Default=" + v1Default + ", v2Default=" + v2Default + "]";
    }
  }

  /** A key and a value: a v2 default taken, or an operator value kept at the end. */
  public static final class Setting {
    private final String key;
    private final String value;

    public Setting(String key, String value) {
      this.key = key;
      this.value = value;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Setting)) {
        return false;
      }
      Setting other = (Setting) o;
      return Objects.equals(key, other.key) && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, value);
    }

    @Override
    public String toString() {
      return "Setting[key=" + key + ", value=" + value + "]";
    }
  }

  /** The operator had the v1 default; the v2 template's different default replaces it. */
  public static final class DefaultChange {
    private final String key;
    private final String v1Default;
    private final String v2Default;

    public DefaultChange(String key, String v1Default, String v2Default) {
      this.key = key;
      this.v1Default = v1Default;
      this.v2Default = v2Default;
    }

    public String key() {
      return key;
    }

    public String v1Default() {
      return v1Default;
    }

    public String v2Default() {
      return v2Default;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof DefaultChange)) {
        return false;
      }
      DefaultChange other = (DefaultChange) o;
      return Objects.equals(key, other.key) && Objects.equals(v1Default, other.v1Default)
          && Objects.equals(v2Default, other.v2Default);
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, v1Default, v2Default);
    }

    @Override
    public String toString() {
      return "DefaultChange[key=" + key + ", v1Default=" + v1Default + ", v2Default=" + v2Default + "]";
    }
  }

  /** An operator key the v2 template lacks; {@code inV1Template} tells a key v2 dropped from one the operator added. */
  public static final class Unknown {
    private final String key;
    private final String value;
    private final boolean inV1Template;

    public Unknown(String key, String value, boolean inV1Template) {
      this.key = key;
      this.value = value;
      this.inV1Template = inV1Template;
    }

    public String key() {
      return key;
    }

    public String value() {
      return value;
    }

    public boolean inV1Template() {
      return inV1Template;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Unknown)) {
        return false;
      }
      Unknown other = (Unknown) o;
      return Objects.equals(key, other.key) && Objects.equals(value, other.value) && inV1Template == other.inV1Template;
    }

    @Override
    public int hashCode() {
      return Objects.hash(key, value, inV1Template);
    }

    @Override
    public String toString() {
      return "Unknown[key=" + key + ", value=" + value + ", inV1Template=" + inV1Template + "]";
    }
  }

  private final boolean withV1Template;
  private final List<Carried> carried = new ArrayList<>();
  private final List<Setting> newInV2 = new ArrayList<>();
  private final List<Setting> notSetByOperator = new ArrayList<>();
  private final List<DefaultChange> defaultChanges = new ArrayList<>();
  private final List<Unknown> unknownToV2 = new ArrayList<>();

  MergeReport(boolean withV1Template) {
    this.withV1Template = withV1Template;
  }

  void carried(String key, String value, String v1Default, String v2Default) {
    carried.add(new Carried(key, value, v1Default, v2Default));
  }

  void newInV2(String key, String v2Default) {
    newInV2.add(new Setting(key, v2Default));
  }

  void notSetByOperator(String key, String v2Default) {
    notSetByOperator.add(new Setting(key, v2Default));
  }

  void defaultChanged(String key, String v1Default, String v2Default) {
    defaultChanges.add(new DefaultChange(key, v1Default, v2Default));
  }

  void unknownToV2(String key, String value, boolean inV1Template) {
    unknownToV2.add(new Unknown(key, value, inV1Template));
  }

  /** Operator values in the merged file, in v2 template order. */
  public List<Carried> carried() {
    return Immutables.copyOfList(carried);
  }

  /**
   * v2 keys merged with their v2 default that are new to the operator: absent from the v1 template, or (without
   * it) from the operator's file.
   */
  public List<Setting> newInV2() {
    return Immutables.copyOfList(newInV2);
  }

  /** Keys of both templates that the operator's file does not set; the v2 default is used. */
  public List<Setting> notSetByOperator() {
    return Immutables.copyOfList(notSetByOperator);
  }

  public List<DefaultChange> defaultChanges() {
    return Immutables.copyOfList(defaultChanges);
  }

  /** Operator keys the v2 template lacks, kept at the end of the merged file, in the operator's order. */
  public List<Unknown> unknownToV2() {
    return Immutables.copyOfList(unknownToV2);
  }

  /** The report as the operator reads it; the values of secret-looking keys masked (the merged file has them). */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    long differing = carried.stream().filter(Carried::differsFromV2Default).count();
    out.add(carried.size() + " operator values carried (" + differing + " differ from the v2 default), "
        + newInV2.size() + " new v2 keys with their defaults, " + unknownToV2.size()
        + " operator keys unknown to v2 (kept at the end)");
    for (Carried c : carried) {
      out.add("  carried    " + c.key() + "=" + shown(c.key(), c.value()) + (c.v1Default() != null ? "  (v1 default: "
          + shown(c.key(), c.v1Default()) + ")" : "") + (c.differsFromV2Default() ? "  [differs from the v2 default: "
          + shown(c.key(), c.v2Default()) + "]" : ""));
    }
    for (Setting s : newInV2) {
      out.add("  new in v2  " + s.key() + "=" + shown(s.key(), s.value()));
    }
    for (Setting s : notSetByOperator) {
      out.add("  not set    " + s.key() + "=" + shown(s.key(), s.value()) + "  (v2 default; the v1 file does not set it)");
    }
    for (DefaultChange d : defaultChanges) {
      out.add("  default    " + d.key() + "=" + shown(d.key(), d.v2Default()) + "  (was the v1 default "
          + shown(d.key(), d.v1Default()) + ")");
    }
    for (Unknown u : unknownToV2) {
      out.add("  unknown    " + u.key() + "=" + shown(u.key(), u.value())
          + (u.inV1Template() ? "  (dropped from the v2 template)" : ""));
    }
    return out;
  }

  /** The report as JSON; the values of secret-looking keys masked as in {@link #lines()}. */
  public ObjectNode json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("command", "merge-conf");
    root.put("withV1Template", withV1Template);
    ArrayNode carriedJson = root.putArray("carried");
    for (Carried c : carried) {
      ObjectNode n = carriedJson.addObject().put("key", c.key()).put("value", shown(c.key(), c.value()));
      if (withV1Template) {
        n.put("v1Default", shown(c.key(), c.v1Default()));
      }
      n.put("v2Default", shown(c.key(), c.v2Default())).put("differsFromV2Default", c.differsFromV2Default());
    }
    settings(root.putArray("newInV2"), newInV2);
    settings(root.putArray("notSetByOperator"), notSetByOperator);
    ArrayNode changes = root.putArray("defaultChanges");
    for (DefaultChange d : defaultChanges) {
      changes.addObject().put("key", d.key()).put("v1Default", shown(d.key(), d.v1Default()))
          .put("v2Default", shown(d.key(), d.v2Default()));
    }
    ArrayNode unknown = root.putArray("unknownToV2");
    for (Unknown u : unknownToV2) {
      unknown.addObject().put("key", u.key()).put("value", shown(u.key(), u.value())).put("inV1Template", u.inV1Template());
    }
    return root;
  }

  private static String shown(String key, String value) {
    return Secrets.mask(key, value);
  }

  public void writeTo(String file) throws IOException {
    if (file != null) {
      JSON.writeValue(new File(file), json());
    }
  }

  private static void settings(ArrayNode array, List<Setting> settings) {
    for (Setting s : settings) {
      array.addObject().put("key", s.key()).put("v2Default", shown(s.key(), s.value()));
    }
  }
}
