package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each planted fault is found exactly, alone and all together; the store they are planted in is clean. */
class PlantedFaultsTest {

  @Test
  void theStoreTheFaultsArePlantedInIsClean() {
    assertEquals(List.of(), InMemoryValidation.run14(V2Store.valid().resources()));
  }

  static List<PlantedFaults.Fault> faults() {
    return PlantedFaults.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void eachFaultIsReportedExactly(PlantedFaults.Fault fault) {
    V2Store store = V2Store.valid();
    fault.plant().accept(store);
    assertEquals(fault.expected().apply(store), InMemoryValidation.run14(store.resources()));
  }

  @Test
  void allFaultsPlantedAtOnceAreAllReported() {
    V2Store store = PlantedFaults.plantAll();
    List<Finding> expected = PlantedFaults.expectedForAll(store);
    assertEquals(PlantedFaults.all().size(), expected.size());
    assertEquals(expected, InMemoryValidation.run14(store.resources()));
  }

  @Test
  void aShardedDescServesSegmentsBuiltWithShards() {
    V2Store store = V2Store.valid().edit(V2Store.cube(9), c -> PlantedFaults.addSegment(c, 4));
    assertEquals(List.of(), InMemoryValidation.run14(store.resources()));
  }
}
