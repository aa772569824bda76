package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fault planted in 1.5 metadata is found exactly by the 1.5 checks, alone and all together. */
class PlantedFaults15Test {

  @Test
  void theStoreTheFaultsArePlantedInIsClean() {
    assertEquals(List.of(), InMemoryValidation.run15(V15Store.valid().resources()));
  }

  static List<PlantedFaults15.Fault> faults() {
    return PlantedFaults15.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsReportedExactly(PlantedFaults15.Fault fault) {
    V15Store store = V15Store.valid();
    fault.plant().accept(store);
    assertEquals(fault.expected().apply(store), InMemoryValidation.run15(store.resources()));
  }

  @Test
  void allFaultsPlantedAtOnceAreAllReported() {
    V15Store store = PlantedFaults15.plantAll();
    List<Finding> expected = PlantedFaults15.expectedForAll(store);
    assertEquals(PlantedFaults15.all().size(), expected.size());
    assertEquals(expected, InMemoryValidation.run15(store.resources()));
  }

  @Test
  void aShardedDescServesSegmentsBuiltWithShards() {
    V15Store store = V15Store.valid().edit(V15Store.cube(2), c -> PlantedFaults.addSegment(c, 4));
    assertEquals(List.of(), InMemoryValidation.run15(store.resources()));
  }
}
