package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;

/** The single-model group of the 1.3.0 sample cube, with helpers to edit its JSON before converting it. */
final class SampleGroup {
  static final String DESC = "/cube_desc/kylin_sales_cube_desc.json";
  static final String MODEL = "/model_desc/kylin_sales_model.json";
  static final String CUBE = "/cube/kylin_sales_cube.json";
  static final long RUN_TIMESTAMP = 1700000000000L;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  final Map<String, Resource> resources = InMemoryUpgrade.readFolder(TestData.example(GoldenOutputTest.SAMPLE));
  Resource desc = resources.get(DESC);
  Resource model = resources.get(MODEL);
  Resource cube = resources.get(CUBE);

  TableCatalog tables() {
    return UpgradeRules.tables(resources.values().stream().filter(r -> r.path().startsWith("/table/")).toList());
  }

  TableCatalog tables(UpgradeTarget target) {
    return UpgradeRules.tables(resources.values().stream().filter(r -> r.path().startsWith("/table/")).toList(), target);
  }

  /** Through Kylin 1.5.4.1's upgrade. */
  GroupResult convert15() {
    return convert(UpgradeOptions.of(RUN_TIMESTAMP, UpgradeTarget.V1_5));
  }

  GroupResult convert() {
    return convert(UpgradeOptions.of(RUN_TIMESTAMP));
  }

  GroupResult convert(UpgradeOptions options) {
    String key = UpgradeRules.groupKey(desc == null ? "kylin_sales_model" : UpgradeRules.modelNameOfDesc(desc));
    return UpgradeRules.convertGroup(key, model, desc == null ? List.of() : List.of(desc),
        cube == null ? List.of() : List.of(cube), tables(options.target()), options);
  }

  SampleGroup editDesc(Consumer<ObjectNode> edit) {
    desc = edited(desc, desc.path(), edit);
    return this;
  }

  SampleGroup editModel(Consumer<ObjectNode> edit) {
    model = edited(model, model.path(), edit);
    return this;
  }

  SampleGroup editCube(Consumer<ObjectNode> edit) {
    cube = edited(cube, cube.path(), edit);
    return this;
  }

  /** The desc's content under another path. */
  SampleGroup moveDesc(String path) {
    desc = new Resource(path, desc.content(), desc.timestamp());
    return this;
  }

  static Resource edited(Resource resource, String path, Consumer<ObjectNode> edit) {
    try {
      ObjectNode tree = (ObjectNode) JSON.readTree(resource.content());
      edit.accept(tree);
      return new Resource(path, JSON.writeValueAsBytes(tree), resource.timestamp());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode tree(Resource resource) {
    try {
      return (ObjectNode) JSON.readTree(resource.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode at(ObjectNode root, String pointer) {
    JsonNode node = root.at(pointer);
    if (!node.isObject()) {
      throw new IllegalArgumentException(pointer + " is not an object");
    }
    return (ObjectNode) node;
  }
}
