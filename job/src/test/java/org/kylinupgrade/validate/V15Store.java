package org.kylinupgrade.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V15Load;

/**
 * A valid 1.5 store to plant faults in: Kylin 1.5.4.1's upgraded sample cube plus {@value #CLONES} copies of its
 * model, desc and cube (model {@code kylin_sales_model_K}, desc {@code kylin_sales_cube_desc_K}, cube
 * {@code kylin_sales_cube_K}, each copy its own group, every cube in project {@code learn_kylin}, every copy with
 * the version label), so that each fault has a group of its own.
 */
public final class V15Store {
  public static final int CLONES = 10;
  public static final String PROJECT = "/project/learn_kylin.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final long TIMESTAMP = 1800000000000L;

  private final Map<String, Resource> resources;

  private V15Store(Map<String, Resource> resources) {
    this.resources = resources;
  }

  public static V15Store valid() {
    V15Store store = new V15Store(V15Expected.folder(V15Expected.SAMPLE));
    for (int k = 1; k <= CLONES; k++) {
      store.addClone(k);
    }
    return store;
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

  /** The signature Kylin 1.5.4.1 computes for clone {@code k}'s desc as it is now. */
  public Signature signatureOf(int k) {
    TableCatalog tables = UpgradeRules.tables(resources.values().stream().filter(r -> r.type().equals("table")).toList(),
        UpgradeTarget.V1_5);
    V15Load.DescOutcome outcome = V15Load.cubeDesc(resources.get(desc(k)), resources.get(model(k)), tables);
    if (!outcome.loaded()) {
      throw new IllegalStateException(desc(k) + ": " + outcome.notLoadableReason());
    }
    return outcome.signature();
  }

  public ObjectNode tree(String path) {
    try {
      return (ObjectNode) JSON.readTree(resources.get(path).content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public V15Store edit(String path, Consumer<ObjectNode> edit) {
    ObjectNode tree = tree(path);
    edit.accept(tree);
    return put(path, tree);
  }

  public V15Store put(String path, ObjectNode tree) {
    try {
      resources.put(path, Resource.ofText(path, JSON.writeValueAsString(tree), TIMESTAMP));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public V15Store delete(String path) {
    if (resources.remove(path) == null) {
      throw new IllegalArgumentException(path + " is not in the store");
    }
    return this;
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
