package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;

/**
 * A valid upgraded store to plant faults in: Kylin's upgraded sample cube plus N copies of its model, desc and cube
 * (model {@code kylin_sales_model_K}, desc {@code kylin_sales_cube_desc_K}, cube {@code kylin_sales_cube_K}, each copy
 * its own group, every cube in project {@code learn_kylin}), so that each fault has a group of its own. What differs
 * per target is the folder it starts from and how the target's Kylin signs a desc.
 */
public abstract class PlantingStore<S extends PlantingStore<S>> {
  public static final String PROJECT = "/project/learn_kylin.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  protected final Map<String, Resource> resources;
  private final long timestamp;

  protected PlantingStore(Map<String, Resource> resources, long timestamp) {
    this.resources = resources;
    this.timestamp = timestamp;
  }

  public static String model(int k) {
    return "/model_desc/kylin_sales_model_" + k + ".json";
  }

  public static String desc(int k) {
    return "/cube_desc/kylin_sales_cube_desc_" + k + ".json";
  }

  public static String cube(int k) {
    return "/cube/kylin_sales_cube_" + k + ".json";
  }

  /** The signature the target's Kylin computes for clone {@code k}'s desc as it is now. */
  public abstract Signature signatureOf(int k);

  @SuppressWarnings("unchecked")
  private S self() {
    return (S) this;
  }

  protected final S withClones(int clones) {
    for (int k = 1; k <= clones; k++) {
      addClone(k);
    }
    return self();
  }

  private void addClone(int k) {
    ObjectNode model = tree("/model_desc/kylin_sales_model.json");
    model.put("name", "kylin_sales_model_" + k);
    put(model(k), model);
    ObjectNode desc = tree("/cube_desc/kylin_sales_cube_desc.json");
    desc.put("name", "kylin_sales_cube_desc_" + k).put("model_name", "kylin_sales_model_" + k);
    put(desc(k), desc);
    desc.put("signature", signatureOf(k).value());
    put(desc(k), desc);
    ObjectNode cube = tree("/cube/kylin_sales_cube.json");
    cube.put("name", "kylin_sales_cube_" + k).put("descriptor", "kylin_sales_cube_desc_" + k);
    put(cube(k), cube);
    edit(PROJECT, p -> ((ArrayNode) p.get("realizations")).addObject()
        .put("type", "CUBE").put("realization", "kylin_sales_cube_" + k));
  }

  protected final List<Resource> tables() {
    return resources.values().stream().filter(r -> r.type().equals("table")).toList();
  }

  public ObjectNode tree(String path) {
    try {
      return (ObjectNode) JSON.readTree(resources.get(path).content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public S edit(String path, Consumer<ObjectNode> edit) {
    ObjectNode tree = tree(path);
    edit.accept(tree);
    return put(path, tree);
  }

  public S put(String path, ObjectNode tree) {
    try {
      return put(path, JSON.writeValueAsString(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public S put(String path, String text) {
    resources.put(path, Resource.ofText(path, text, timestamp));
    return self();
  }

  public S delete(String path) {
    if (resources.remove(path) == null) {
      throw new IllegalArgumentException(path + " is not in the store");
    }
    return self();
  }

  public Map<String, Resource> resources() {
    return new TreeMap<>(resources);
  }

  /** Writes the store as a metadata folder. */
  public void writeTo(Path folder) throws IOException {
    for (Resource r : resources.values()) {
      Path file = folder.resolve(r.path().substring(1));
      Files.createDirectories(file.getParent());
      Files.write(file, r.content());
    }
  }
}
