package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.cuboid.V1Cuboids;

/** The check every desc converted to 1.5 goes through: same row key order and same cuboids as in v1, or refused. */
class CuboidCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A v1 desc over columns named by the rowkey: {@code groups} old groups, the first column mandatory or not. */
  private static ObjectNode v1Desc(List<String> rowkey, boolean firstMandatory, List<List<String>> groups) {
    ObjectNode desc = JSON.createObjectNode().put("name", "d");
    desc.putArray("dimensions");
    ArrayNode columns = desc.putObject("rowkey").putArray("rowkey_columns");
    for (int i = 0; i < rowkey.size(); i++) {
      columns.addObject().put("column", rowkey.get(i)).put("mandatory", i == 0 && firstMandatory);
    }
    ArrayNode old = ((ObjectNode) desc.get("rowkey")).putArray("aggregation_groups");
    for (List<String> group : groups) {
      ArrayNode array = old.addArray();
      group.forEach(array::add);
    }
    return desc;
  }

  /** A 1.5 desc with one group over {@code includes}, the first one mandatory or not. */
  private static ObjectNode v15Desc(List<String> rowkey, List<String> includes, List<String> mandatory) {
    ObjectNode desc = JSON.createObjectNode();
    ArrayNode columns = desc.putObject("rowkey").putArray("rowkey_columns");
    rowkey.forEach(c -> columns.addObject().put("column", c).put("encoding", "dict"));
    ObjectNode group = desc.putArray("aggregation_groups").addObject();
    includes.forEach(group.putArray("includes")::add);
    ObjectNode rule = group.putObject("select_rule");
    mandatory.forEach(rule.putArray("mandatory_dims")::add);
    rule.putArray("hierarchy_dims");
    rule.putArray("joint_dims");
    return desc;
  }

  private static final List<String> ABC = List.of("A", "B", "C");

  @Test
  void theSameCuboidsPass() {
    // one old group of every column, A mandatory: A plus any choice of B and C
    V1Cuboids v1 = V1Cuboids.of(v1Desc(ABC, true, List.of(ABC)));
    CuboidCheck check = CuboidCheck.of(v1, v15Desc(ABC, ABC, List.of("A")));
    assertEquals(CuboidCheck.Verdict.KEPT, check.verdict);
    assertNull(check.reason);
  }

  @Test
  void moreCuboidsAreRefusedWithBothCounts() {
    V1Cuboids v1 = V1Cuboids.of(v1Desc(ABC, true, List.of(ABC)));
    CuboidCheck check = CuboidCheck.of(v1, v15Desc(ABC, ABC, List.of()));
    assertEquals(CuboidCheck.Verdict.REFUSED, check.verdict);
    assertTrue(check.reason.startsWith("cuboid set would change: 3 v1 cuboids, 7 in 1.5 ("), check.reason);
  }

  @Test
  void anotherRowKeyOrderIsRefused() {
    V1Cuboids v1 = V1Cuboids.of(v1Desc(ABC, true, List.of(ABC)));
    CuboidCheck check = CuboidCheck.of(v1, v15Desc(List.of("B", "A", "C"), ABC, List.of("A")));
    assertEquals(CuboidCheck.Verdict.REFUSED, check.verdict);
    assertEquals("rowkey order would change: [A, B, C] in v1, [B, A, C] in 1.5", check.reason);
  }

  @Test
  void groupsKylin15WouldNotLoadAreRefused() {
    V1Cuboids v1 = V1Cuboids.of(v1Desc(ABC, true, List.of(ABC)));
    CuboidCheck check = CuboidCheck.of(v1, v15Desc(ABC, List.of("A", "B", "C", "D"), List.of("A")));
    assertEquals(CuboidCheck.Verdict.REFUSED, check.verdict);
    assertTrue(check.reason.startsWith("Kylin 1.5.4.1 would not load its aggregation groups: "), check.reason);
  }

  @Test
  void setsTooLargeToCompareAreRefusedNotPassed() {
    // old groups sharing a column are not plain: over the bound on both sides nothing cheaper tells them apart
    List<String> rowkey = List.of("A", "B", "C", "D", "E", "F", "G", "H");
    V1Cuboids v1 = V1Cuboids.of(v1Desc(rowkey, false, List.of(List.of("A", "B", "C", "D", "E"),
        List.of("E", "F", "G", "H"))));
    CuboidCheck check = CuboidCheck.of(v1, v15Desc(rowkey, rowkey, List.of()), 8);
    assertEquals(CuboidCheck.Verdict.TOO_LARGE, check.verdict);
    assertTrue(check.reason.contains("too large to compare"), check.reason);
    assertTrue(check.reason.endsWith("left as it is rather than converted unchecked"), check.reason);
  }
}
