package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kylinupgrade.metadata.Resource;

/** What the upgrade needs from a cube ({@code /cube/<name>.json}): its name, its desc and whether it has segments. */
final class CubeUse {
  enum Segments {
    NONE, SOME, UNREADABLE
  }

  final Resource resource;
  final String name;
  final String descName;
  final Segments segments;

  private CubeUse(Resource resource, String name, String descName, Segments segments) {
    this.resource = resource;
    this.name = name;
    this.descName = descName;
    this.segments = segments;
  }

  static CubeUse read(Resource resource) {
    ObjectNode cube = KylinJson.readObject(resource);
    JsonNode segments = cube.get("segments");
    Segments state;
    if (segments == null || segments.isNull()) {
      state = Segments.NONE;
    } else if (segments.isArray()) {
      state = segments.isEmpty() ? Segments.NONE : Segments.SOME;
    } else {
      state = Segments.UNREADABLE;
    }
    return new CubeUse(resource, KylinJson.text(cube, "name"), KylinJson.text(cube, "descriptor"), state);
  }

  /** {@code getFirstSegment() == null}, and a name v2's {@code CubeManager} accepts. */
  boolean isEmptyLoadableCube() {
    return segments == Segments.NONE && !Names.isBlank(name);
  }

  /** Any segment (NEW, READY, ...) makes the desc's storage layout fixed; unreadable segments count as some. */
  boolean mayHaveSegments() {
    return segments != Segments.NONE;
  }

  String displayName() {
    return name != null ? name : resource.path();
  }

  boolean uses(String descName) {
    return descName != null && this.descName != null && Names.key(this.descName).equals(Names.key(descName));
  }
}
