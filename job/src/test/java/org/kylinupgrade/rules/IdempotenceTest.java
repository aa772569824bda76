package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;

/** Converting what the upgrade wrote changes nothing more. */
class IdempotenceTest {

  @ParameterizedTest
  @ValueSource(strings = {GoldenOutputTest.SAMPLE, GoldenOutputTest.LOCALMETA})
  void kylinsExpectedOutputNeedsNoFurtherChange(String example) {
    Map<String, Resource> expected = InMemoryUpgrade.readFolder(TestData.expected(example));
    InMemoryUpgrade.Outcome again = InMemoryUpgrade.run(expected, UpgradeOptions.of(1900000000000L));
    assertEquals(List.of(), again.rewritten());
    assertEquals(List.of(), again.changes());
    assertEquals(expected, again.output());
  }

  @ParameterizedTest
  @ValueSource(strings = {GoldenOutputTest.SAMPLE, GoldenOutputTest.LOCALMETA})
  void ourOwnOutputNeedsNoFurtherChange(String example) {
    InMemoryUpgrade.Outcome once = GoldenOutputTest.converted(example);
    InMemoryUpgrade.Outcome twice = InMemoryUpgrade.run(once.output(), UpgradeOptions.of(1900000000000L));
    assertEquals(List.of(), twice.changes());
    assertEquals(once.unloadable(), twice.unloadable());
  }
}
