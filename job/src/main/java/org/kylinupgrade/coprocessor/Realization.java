package org.kylinupgrade.coprocessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.ProjectJson;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.util.Immutables;

/**
 * What the coprocessor job needs from one cube, inverted index, hybrid or project resource: its name, status,
 * segments (status and HTable) and members. Small, so that only these travel to the driver.
 */
public final class Realization implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The metadata folders the job reads. */
  public static final List<String> FOLDERS =
      Immutables.listOf(ResourcePaths.CUBE, ResourcePaths.II, ResourcePaths.HYBRID, ResourcePaths.PROJECT);

  private final Kind kind;
  private final String name;
  private final String status;
  private final List<Segment> segments;
  private final List<Member> members;

  public Realization(Kind kind, String name, String status, List<Segment> segments, List<Member> members) {
    this.kind = kind;
    this.name = name;
    this.status = status;
    this.segments = segments;
    this.members = members;
  }

  public Kind kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String status() {
    return status;
  }

  public List<Segment> segments() {
    return segments;
  }

  public List<Member> members() {
    return members;
  }

  public enum Kind {
    CUBE, INVERTED_INDEX, HYBRID, PROJECT
  }

  /** A segment: its status and its HTable ({@code storage_location_identifier}, may be blank). */
  public static final class Segment implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String status;
    private final String table;

    public Segment(String status, String table) {
      this.status = status;
      this.table = table;
    }

    public String status() {
      return status;
    }

    public String table() {
      return table;
    }

    public boolean isReady() {
      return "READY".equals(status);
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Segment)) {
        return false;
      }
      Segment other = (Segment) o;
      return Objects.equals(status, other.status)
          && Objects.equals(table, other.table);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(status);
      h = 31 * h + Objects.hashCode(table);
      return h;
    }

    @Override
    public String toString() {
      return "Segment[status=" + status + ", table=" + table + "]";
    }
  }

  /** A hybrid's or a project's member: {@code CUBE}, {@code INVERTED_INDEX} or {@code HYBRID}, and its name. */
  public static final class Member implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String type;
    private final String name;

    public Member(String type, String name) {
      this.type = type;
      this.name = name;
    }

    public String type() {
      return type;
    }

    public String name() {
      return name;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof Member)) {
        return false;
      }
      Member other = (Member) o;
      return Objects.equals(type, other.type)
          && Objects.equals(name, other.name);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(type);
      h = 31 * h + Objects.hashCode(name);
      return h;
    }

    @Override
    public String toString() {
      return "Member[type=" + type + ", name=" + name + "]";
    }
  }

  /** The realization a resource describes; empty for resources of other folders. */
  public static Optional<Realization> of(Resource resource) {
    String path = resource.path();
    Kind kind;
    if (path.startsWith(ResourcePaths.CUBE + "/")) {
      kind = Kind.CUBE;
    } else if (path.startsWith(ResourcePaths.II + "/")) {
      kind = Kind.INVERTED_INDEX;
    } else if (path.startsWith(ResourcePaths.HYBRID + "/")) {
      kind = Kind.HYBRID;
    } else if (path.startsWith(ResourcePaths.PROJECT + "/")) {
      kind = Kind.PROJECT;
    } else {
      return Optional.empty();
    }
    if (!path.endsWith(".json")) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new BadInputException("resource " + path + " is not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new BadInputException("resource " + path + " is not a JSON object");
    }
    String name = root.path("name").isTextual() ? root.path("name").asText() : ResourcePaths.entityName(path);
    List<Segment> segments = new ArrayList<>();
    for (JsonNode s : root.path("segments")) {
      segments.add(new Segment(s.path("status").asText(null), s.path("storage_location_identifier").asText("")));
    }
    List<Member> members = new ArrayList<>();
    for (ProjectJson.RealizationRef m : ProjectJson.realizations(root)) {
      members.add(new Member(orEmpty(m.type()), orEmpty(m.name())));
    }
    return Optional.of(new Realization(kind, name, root.path("status").asText(null), Immutables.copyOfList(segments),
        Immutables.copyOfList(members)));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Realization)) {
      return false;
    }
    Realization other = (Realization) o;
    return Objects.equals(kind, other.kind)
        && Objects.equals(name, other.name)
        && Objects.equals(status, other.status)
        && Objects.equals(segments, other.segments)
        && Objects.equals(members, other.members);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(kind);
    h = 31 * h + Objects.hashCode(name);
    h = 31 * h + Objects.hashCode(status);
    h = 31 * h + Objects.hashCode(segments);
    h = 31 * h + Objects.hashCode(members);
    return h;
  }

  @Override
  public String toString() {
    return "Realization[kind=" + kind + ", name=" + name + ", status=" + status + ", segments=" + segments
        + ", members=" + members + "]";
  }
}
