package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v15.Versions;

/**
 * The last step of Kylin 1.5.4.1's upgrade ({@code MetadataVersionRefresher}): every resource whose path ends in
 * {@code .json}, except those under {@code /dict} and {@code /table_snapshot} (a prefix match, as Kylin's), is read
 * as a JSON tree, gets {@code "version" : "1.5.1"} (an existing {@code version} is replaced where it stands, else it
 * is appended last) and is written back with Jackson's default pretty printer. Everything else inside, the
 * {@code last_modified} property included, stays; properties Kylin's classes do not know are kept too, since no class
 * is involved. A pure function of one resource, so that it can be mapped over the resources no conversion rule reads.
 */
public final class VersionRefresh {
  private static final String SUFFIX = ".json";
  private static final String DICTIONARIES = "/dict";
  private static final String SNAPSHOTS = "/table_snapshot";

  private VersionRefresh() {
  }

  /** Whether Kylin's refresher rewrites the resource at this path. */
  public static boolean applies(String path) {
    return path.endsWith(SUFFIX) && !path.startsWith(DICTIONARIES) && !path.startsWith(SNAPSHOTS);
  }

  /**
   * The resource as the refresher leaves it: labelled, with the run's store timestamp. The same instance when the
   * refresher does not touch it, or when it is already labelled and printed so (a store upgraded before).
   *
   * @throws NotAJsonObjectException when a resource it applies to is not a JSON object (Kylin's refresher stops there)
   */
  public static Resource refresh(Resource resource, long runTimestamp) {
    if (!applies(resource.path())) {
      return resource;
    }
    byte[] refreshed = refreshedContent(resource);
    return Arrays.equals(refreshed, resource.content()) ? resource : resource.withContent(refreshed, runTimestamp);
  }

  /** The refreshed bytes of a resource the refresher applies to. */
  static byte[] refreshedContent(Resource resource) {
    ObjectNode tree = KylinJson.readObject(resource);
    tree.put("version", Versions.UPGRADED);
    return KylinJson.indented(tree);
  }
}
