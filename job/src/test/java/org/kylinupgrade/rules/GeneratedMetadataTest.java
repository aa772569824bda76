package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kylinupgrade.metadata.Resource;

/** Invariants of the conversion on many generated metadata stores. */
class GeneratedMetadataTest {
  private static final long RUN_TIMESTAMP = 1750000000000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void invariantsHold(long seed) {
    MetadataGenerator.Generated generated = MetadataGenerator.generate(seed);
    Map<String, Resource> input = generated.resources();
    InMemoryUpgrade.Outcome outcome = InMemoryUpgrade.run(input, UpgradeOptions.of(RUN_TIMESTAMP));

    assertEquals(input.keySet(), outcome.output().keySet(), "resource set");
    Set<String> rewritten = outcome.rewritten().stream().map(Resource::path).collect(Collectors.toSet());
    assertEquals(rewritten.size(), outcome.rewritten().size(), "each resource written once");
    for (Resource resource : input.values()) {
      if (!rewritten.contains(resource.path())) {
        assertEquals(resource, outcome.output().get(resource.path()), "untouched " + resource.path());
      }
    }
    for (Resource resource : outcome.rewritten()) {
      assertTrue(resource.path().startsWith("/cube_desc/") || resource.path().startsWith("/model_desc/"),
          resource.path());
      assertEquals(RUN_TIMESTAMP, resource.timestamp());
      assertEquals(RUN_TIMESTAMP, json(resource).get("last_modified").asLong(), resource.path());
      assertFalse(java.util.Arrays.equals(resource.content(), input.get(resource.path()).content()));
    }
    assertEquals(outcome.rewritten().stream().map(Resource::path).toList(),
        outcome.changes().stream().map(Change::path).toList());

    assertEquals(generated.unloadableDescs(), outcome.unloadable().stream().map(Problem::path)
        .filter(p -> p.startsWith("/cube_desc/")).collect(Collectors.toSet()), "unloadable descs");

    for (Resource desc : outcome.rewritten()) {
      if (desc.path().startsWith("/cube_desc/")) {
        Resource model = modelOf(desc, outcome.output());
        assertEquals(Signature.compute(desc, model, outcome.tables()).value(), json(desc).get("signature").asText(),
            desc.path());
      }
    }

    checkEngineSwitch(input, outcome);

    InMemoryUpgrade.Outcome again = InMemoryUpgrade.run(outcome.output(), UpgradeOptions.of(RUN_TIMESTAMP + 1));
    assertEquals(List.of(), again.changes(), "idempotence");
    assertEquals(outcome.output(), again.output());
  }

  /** Switched exactly when loadable, on 0/0, used by a cube, and no cube using it has segments. */
  private static void checkEngineSwitch(Map<String, Resource> input, InMemoryUpgrade.Outcome outcome) {
    Set<String> unloadable = outcome.unloadable().stream().map(Problem::path).collect(Collectors.toSet());
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
    int rewrittenDescs = 0;
    int rewrittenModels = 0;
    int switched = 0;
    int warnings = 0;
    int unloadable = 0;
    for (long seed : seeds().toArray()) {
      InMemoryUpgrade.Outcome outcome =
          InMemoryUpgrade.run(MetadataGenerator.generate(seed).resources(), UpgradeOptions.of(RUN_TIMESTAMP));
      for (Change change : outcome.changes()) {
        if (change.kind() == Change.Kind.MODEL) {
          rewrittenModels++;
        } else {
          rewrittenDescs++;
          switched += change.reasons().stream().anyMatch(r -> r.startsWith("engine_type")) ? 1 : 0;
        }
      }
      warnings += outcome.warnings().size();
      unloadable += outcome.unloadable().size();
    }
    assertTrue(rewrittenDescs > 300 && rewrittenModels > 100 && switched > 50 && warnings > 20 && unloadable > 30,
        rewrittenDescs + " " + rewrittenModels + " " + switched + " " + warnings + " " + unloadable);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void onlyDescsInScopeAreConverted(long seed) {
    Map<String, Resource> input = MetadataGenerator.generate(seed).resources();
    Random random = new Random(seed);
    Set<String> scope = new HashSet<>();
    for (Resource resource : input.values()) {
      if (resource.path().startsWith("/cube_desc/") && random.nextBoolean()) {
        scope.add(UpgradeRules.descNameOfDesc(resource).toLowerCase());
      }
    }
    InMemoryUpgrade.Outcome outcome = InMemoryUpgrade.run(input, UpgradeOptions.of(RUN_TIMESTAMP)
        .withDescsInScope(scope));
    for (Change change : outcome.changes()) {
      if (change.kind() == Change.Kind.CUBE_DESC) {
        assertTrue(scope.contains(UpgradeRules.descNameOfDesc(input.get(change.path())).toLowerCase()), change.path());
      } else {
        String from = change.reasons().get(0).substring("dimensions/metrics derived from cube desc ".length());
        assertTrue(scope.contains(from.toLowerCase()), change.toString());
      }
    }
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
