package org.kylinupgrade.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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

  /** Streamed: a cube's segments can make it the largest resource, and only whether it has any matters here. */
  static CubeUse read(Resource resource) {
    String[] names = new String[2];
    Segments[] state = {Segments.NONE};
    KylinJson.visitTopLevel(resource, (field, value, parser) -> {
      switch (field) {
        case "name":
          names[0] = KylinJson.scalarText(value, parser);
          break;
        case "descriptor":
          names[1] = KylinJson.scalarText(value, parser);
          break;
        case "segments":
          if (value == JsonToken.START_ARRAY) {
            state[0] = skipArray(parser) ? Segments.SOME : Segments.NONE;
            return true;
          }
          state[0] = value == JsonToken.VALUE_NULL ? Segments.NONE : Segments.UNREADABLE;
          break;
        default:
          break;
      }
      return false;
    });
    return new CubeUse(resource, names[0], names[1], state[0]);
  }

  /** Skips the array the parser is on; whether it had any element. */
  private static boolean skipArray(JsonParser parser) throws IOException {
    boolean any = false;
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      any = true;
      if (t.isStructStart()) {
        parser.skipChildren();
      }
    }
    return any;
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
