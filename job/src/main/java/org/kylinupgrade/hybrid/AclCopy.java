package org.kylinupgrade.hybrid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kylinupgrade.metadata.AclCell;

/**
 * The ACL entries of the new {@code <cube>_old} (either release): every cell of the original cube's row copied as it is,
 * except the parent ({@code i:p}), which becomes the target project.
 */
public final class AclCopy {
  static final String INFO_FAMILY = "i";
  static final String PARENT = "p";
  static final String PROJECT_TYPE = "org.apache.kylin.metadata.project.ProjectInstance";

  private AclCopy() {
  }

  public static List<AclCell> of(List<AclCell> originalRow, String projectUuid) {
    List<AclCell> copy = new ArrayList<>();
    for (AclCell cell : originalRow) {
      copy.add(cell.is(INFO_FAMILY, PARENT) ? new AclCell(INFO_FAMILY, PARENT, parent(projectUuid)) : cell);
    }
    return copy;
  }

  /** Exactly the compact JSON Kylin writes, in this key order. */
  static byte[] parent(String projectUuid) {
    return ("{\"id\":\"" + projectUuid + "\",\"type\":\"" + PROJECT_TYPE + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
