package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

class InputChecksTest {
  private static Resource json(String path, String text) {
    return Resource.ofText(path, text, 1L);
  }

  @Test
  void oneObjectWithWhitespaceAroundItPasses() {
    assertNull(InputChecks.check(json("/cube/a.json", "\n { \"name\" : \"a\", \"x\" : [ {}, [] ] } \n\t")));
  }

  @Test
  void contentAfterTheObjectIsReportedWithWhatFollows() {
    assertTrue(InputChecks.check(json("/cube/a.json", "{} {}")).reason().contains("a second object"));
    assertTrue(InputChecks.check(json("/cube/a.json", "{} [1]")).reason().contains("an array"));
    assertTrue(InputChecks.check(json("/cube/a.json", "{} }")).reason().contains("not JSON"));
    assertTrue(InputChecks.check(json("/cube/a.json", "{} # note")).reason().contains("not JSON"));
    assertEquals("/cube/a.json", InputChecks.check(json("/cube/a.json", "{} 1")).path());
  }

  @Test
  void whatIsNotAJsonObjectIsBadInputNamingTheResource() {
    for (String text : new String[] {"", "  ", "[{}]", "\"s\"", "null", "42", "{\"a\" :", "{\u0000}"}) {
      NotAJsonObjectException e = assertThrows(NotAJsonObjectException.class,
          () -> InputChecks.check(json("/cube_desc/d.json", text)), text);
      assertEquals("/cube_desc/d.json", e.path());
    }
  }

  @Test
  void engineAndStorageIdsOtherThanKylinsAreReported() {
    assertNull(InputChecks.check(json("/cube_desc/d.json", "{\"name\":\"d\",\"engine_type\":2,\"storage_type\":0}")));
    assertNull(InputChecks.check(json("/cube_desc/d.json", "{\"name\":\"d\",\"engine_type\":null}")));
    assertTrue(InputChecks.check(json("/cube_desc/d.json", "{\"name\":\"d\",\"engine_type\":7}")).reason()
        .contains("engine_type 7"));
    assertTrue(InputChecks.check(json("/cube_desc/d.json", "{\"name\":\"d\",\"storage_type\":\"x\"}")).reason()
        .contains("storage_type \"x\""));
    // only descs carry them
    assertNull(InputChecks.check(json("/cube/c.json", "{\"engine_type\":7}")));
  }

  @Test
  void onlyTheJsonTheRulesReadIsChecked() {
    assertFalse(InputChecks.isRead(json("/dict/T/C/a.json", "x"), UpgradeTarget.V1_5));
    assertFalse(InputChecks.isRead(json("/table_snapshot/T/a.json", "x"), UpgradeTarget.V1_5));
    assertFalse(InputChecks.isRead(json("/cube/a.bin", "x"), UpgradeTarget.V1_5));
    assertTrue(InputChecks.isRead(json("/user/a.json", "x"), UpgradeTarget.V1_5));
    assertFalse(InputChecks.isRead(json("/user/a.json", "x"), UpgradeTarget.V1_4_ALPHA));
    assertTrue(InputChecks.isRead(json("/project/p.json", "x"), UpgradeTarget.V1_4_ALPHA));
  }
}
