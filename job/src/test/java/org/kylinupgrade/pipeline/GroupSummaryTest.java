package org.kylinupgrade.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;

class GroupSummaryTest {
  @Test
  void aPartsSummaryComesBackWholeFromItsPackedForm() throws Exception {
    String reason = "cube desc upgraded to Kylin 1.5";
    GroupResult first = new GroupResult(
        Arrays.asList(Resource.ofText("/cube_desc/d1.json", "{}", 1L), Resource.ofText("/cube/c1.json", "{}", 1L)),
        Arrays.asList(new Change("/cube_desc/d1.json", Change.Kind.CUBE_DESC, Arrays.asList(reason, "signature"),
                Collections.singletonList("/dimensions/0/hierarchy")),
            new Change("/cube/c1.json", Change.Kind.CUBE, Collections.singletonList(reason), Collections.emptyList())),
        Collections.singletonList(new Problem("/cube_desc/bad.json", "names no model")),
        Collections.singletonList(new Problem("/cube_desc/d1.json", "a warning")),
        Collections.singletonList(new PurgedCube("/cube/old.json", "old", "READY", 2, Arrays.asList("KYLIN_A", "KYLIN_B"))),
        Collections.singletonList("/model_desc/m1.json"), new CuboidCheckCounts(1, 2, 3, 4));
    GroupResult second = new GroupResult(Collections.singletonList(Resource.ofText("/cube_desc/d2.json", "{}", 1L)),
        Collections.singletonList(new Change("/cube_desc/d2.json", Change.Kind.CUBE_DESC,
            Collections.singletonList(reason), Collections.emptyList())),
        Collections.emptyList(), Collections.emptyList(), Collections.emptyList(), Collections.emptyList(),
        new CuboidCheckCounts(1, 0, 0, 0));
    GroupSummary summary = GroupSummary.ofPart(Arrays.asList(first, second).iterator());

    GroupSummary back = serializedAndBack(summary);

    assertEquals(summary.changes, back.changes);
    assertEquals(texts(summary.unloadable), texts(back.unloadable));
    assertEquals(texts(summary.warnings), texts(back.warnings));
    assertEquals(summary.purged, back.purged);
    assertEquals(summary.untouched, back.untouched);
    assertEquals(summary.rewrittenPaths, back.rewrittenPaths);
    assertEquals(new CuboidCheckCounts(2, 2, 3, 4), back.cuboidChecks);
    assertEquals(3, back.changes.size());
  }

  private static List<String> texts(List<Problem> problems) {
    return problems.stream().map(p -> p.path() + ": " + p.reason()).collect(Collectors.toList());
  }

  private static GroupSummary serializedAndBack(GroupSummary summary) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(summary);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (GroupSummary) in.readObject();
    }
  }
}
