package org.kylinupgrade.coprocessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;

/**
 * What the coprocessor job needs from one cube, inverted index, hybrid or project resource: its name, status,
 * segments (status and HTable) and members. Small, so that only these travel to the driver.
 */
public record Realization(Kind kind, String name, String status, List<Segment> segments, List<Member> members)
    implements Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The metadata folders the job reads. */
  public static final List<String> FOLDERS =
      List.of(ResourcePaths.CUBE, ResourcePaths.II, ResourcePaths.HYBRID, ResourcePaths.PROJECT);

  public enum Kind {
    CUBE, INVERTED_INDEX, HYBRID, PROJECT
  }

  /** A segment: its status and its HTable ({@code storage_location_identifier}, may be blank). */
  public record Segment(String status, String table) implements Serializable {
    public boolean isReady() {
      return "READY".equals(status);
    }
  }

  /** A hybrid's or a project's member: {@code CUBE}, {@code INVERTED_INDEX} or {@code HYBRID}, and its name. */
  public record Member(String type, String name) implements Serializable {
  }

  public static boolean isRealizationPath(String path) {
    return FOLDERS.stream().anyMatch(f -> path.startsWith(f + "/") && path.endsWith(".json"));
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
    for (JsonNode m : root.path("realizations")) {
      members.add(new Member(m.path("type").asText(""), m.path("realization").asText("")));
    }
    return Optional.of(new Realization(kind, name, root.path("status").asText(null), List.copyOf(segments),
        List.copyOf(members)));
  }
}
