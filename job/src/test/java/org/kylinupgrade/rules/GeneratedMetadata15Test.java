package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kylinupgrade.metadata.Resource;

/** Invariants of the conversion to Kylin 1.5 on many generated metadata stores. */
class GeneratedMetadata15Test {
  private static final long RUN_TIMESTAMP = 1750000000000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static InMemoryUpgrade.Outcome upgrade(Map<String, Resource> input, long timestamp) {
    return InMemoryUpgrade.run(input, UpgradeOptions.of(timestamp, UpgradeTarget.V1_5));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void invariantsHold(long seed) {
    Map<String, Resource> input = MetadataGenerator.generate(seed).resources();
    InMemoryUpgrade.Outcome outcome = upgrade(input, RUN_TIMESTAMP);
    assertEquals(input.keySet(), outcome.output().keySet(), "resource set");
    Set<String> unloadable = outcome.unloadable().stream().map(Problem::path).collect(Collectors.toSet());

    for (Resource before : input.values()) {
      Resource after = outcome.output().get(before.path());
      if (before.equals(after)) {
        assertTrue(!VersionRefresh.applies(before.path()) || unloadable.contains(before.path()),
            "left as it was although not reported: " + before.path());
        continue;
      }
      assertEquals(RUN_TIMESTAMP, after.timestamp(), after.path());
      assertEquals("1.5.1", json(after).get("version").asText(), after.path());
      if (after.path().startsWith("/cube_desc/")) {
        V15Load.DescOutcome loaded = V15Load.cubeDesc(after, modelOf(after, outcome.output()), outcome.tables());
        assertTrue(loaded.loaded(), after.path() + ": " + loaded.notLoadableReason());
        assertEquals(loaded.signature().value(), json(after).get("signature").asText(), after.path());
        assertEquals(RUN_TIMESTAMP, json(after).get("last_modified").asLong(), after.path());
      }
    }
    for (Problem problem : outcome.unloadable()) {
      if (problem.path().startsWith("/cube_desc/")) {
        assertEquals(input.get(problem.path()), outcome.output().get(problem.path()), problem.path());
      }
    }
    checkEngineSwitch(input, outcome, unloadable);

    InMemoryUpgrade.Outcome again = upgrade(outcome.output(), RUN_TIMESTAMP + 1);
    assertEquals(List.of(), again.changes(), "idempotence");
    assertEquals(outcome.output(), again.output());
  }

  /** Switched exactly when on 0/0, used by a cube, and no cube using it has segments. */
  private static void checkEngineSwitch(Map<String, Resource> input, InMemoryUpgrade.Outcome outcome,
      Set<String> unloadable) {
    for (Resource desc : input.values()) {
      if (!desc.path().startsWith("/cube_desc/") || unloadable.contains(desc.path())) {
        continue;
      }
      JsonNode before = json(desc);
      JsonNode after = json(outcome.output().get(desc.path()));
      List<JsonNode> cubes = input.values().stream().filter(r -> r.path().startsWith("/cube/")).map(r -> json(r))
          .filter(c -> c.get("descriptor").asText().equalsIgnoreCase(before.get("name").asText())).toList();
      boolean withSegments = cubes.stream().anyMatch(c -> c.has("segments") && c.get("segments").size() > 0);
      boolean wasV1 = before.path("engine_type").asInt(0) == 0 && before.path("storage_type").asInt(0) == 0;
      boolean isV2 = after.get("engine_type").asInt() == 2 && after.get("storage_type").asInt() == 2;
      if (wasV1) {
        assertEquals(!cubes.isEmpty() && !withSegments, isV2, desc.path() + " switch");
      }
      if (withSegments) {
        assertEquals(before.path("engine_type").asInt(0), after.get("engine_type").asInt(), desc.path());
      }
    }
  }

  @Test
  void theGeneratorCoversTheInterestingCases() {
    int converted = 0;
    int models = 0;
    int switched = 0;
    int unloadableDescs = 0;
    int labelled = 0;
    for (long seed : seeds().toArray()) {
      InMemoryUpgrade.Outcome outcome = upgrade(MetadataGenerator.generate(seed).resources(), RUN_TIMESTAMP);
      for (Change change : outcome.changes()) {
        if (change.kind() == Change.Kind.MODEL) {
          models++;
        } else if (change.kind() == Change.Kind.CUBE_DESC) {
          converted++;
          switched += change.reasons().stream().anyMatch(r -> r.startsWith("engine_type")) ? 1 : 0;
        }
      }
      unloadableDescs += (int) outcome.unloadable().stream().filter(p -> p.path().startsWith("/cube_desc/")).count();
      labelled += outcome.versionRefreshed().size();
    }
    assertTrue(converted > 300 && models > 100 && switched > 50 && unloadableDescs > 30 && labelled > 1000,
        converted + " " + models + " " + switched + " " + unloadableDescs + " " + labelled);
  }

  private static Resource modelOf(Resource desc, Map<String, Resource> store) {
    String key = UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(desc));
    return store.values().stream().filter(r -> r.path().startsWith("/model_desc/"))
        .filter(r -> UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r)).equals(key)).findFirst().orElseThrow();
  }

  private static JsonNode json(Resource resource) {
    try {
      return JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
