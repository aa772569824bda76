package org.kylinupgrade.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kylinupgrade.validate.V2Store.PROJECT;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks the planted faults do not exercise. */
class MoreChecksTest {

  private static List<Finding> validate(V2Store store) {
    return InMemoryValidation.run14(store.resources());
  }

  @Test
  void aModelV2CannotLoadIsReportedOnceWithItsDescs() {
    V2Store store = V2Store.valid().edit(V2Store.model(1), m -> ((ObjectNode) m.get("partition_desc"))
        .put("partition_date_column", "DEFAULT.KYLIN_SALES.NO_SUCH_COLUMN"));
    assertEquals(List.of(new Finding(Finding.Kind.UNLOADABLE, V2Store.model(1), "Kylin v2 cannot load this model: "
        + "The column 'DEFAULT.KYLIN_SALES.NO_SUCH_COLUMN' provided in 'partition_date_column' doesn't exist."
        + " (so Kylin v2 cannot load its cube descs either: kylin_sales_cube_desc_1)")), validate(store));
  }

  @Test
  void aDescWithoutModelName() {
    V2Store store = V2Store.valid().edit(V2Store.desc(1), d -> d.remove("model_name"));
    assertEquals(List.of(new Finding(Finding.Kind.MISSING_FIELD, V2Store.desc(1),
        "no model_name; Kylin v2 cannot load a cube desc without its model")), validate(store));
  }

  @Test
  void aDescAtAPathOtherThanItsNameIsUnloadableNotADuplicate() {
    V2Store store = V2Store.valid();
    store.put("/cube_desc/copy.json", store.tree(V2Store.desc(1)));
    assertEquals(List.of(new Finding(Finding.Kind.UNLOADABLE, "/cube_desc/copy.json", "Kylin v2 cannot load this "
        + "cube desc: Skip suspicious desc at /cube_desc/copy.json, CubeDesc [name=kylin_sales_cube_desc_1] should be "
        + "at /cube_desc/kylin_sales_cube_desc_1.json (used by cube kylin_sales_cube_1)")), validate(store));
  }

  @Test
  void twoDescsWhoseNamesDifferOnlyInCase() {
    V2Store store = V2Store.valid();
    store.put("/cube_desc/KYLIN_SALES_CUBE_DESC_1.json", store.tree(V2Store.desc(1)).put("name", "KYLIN_SALES_CUBE_DESC_1"));
    List<Finding> findings = validate(store);
    assertTrue(findings.contains(new Finding(Finding.Kind.DUPLICATE_NAME, "/cube_desc/kylin_sales_cube_desc_1.json",
        "Kylin v2 skips it: /cube_desc/KYLIN_SALES_CUBE_DESC_1.json already has the name 'kylin_sales_cube_desc_1'")),
        findings.toString());
  }

  @Test
  void projectModelsAndRealizationTypes() {
    V2Store store = V2Store.valid().edit(PROJECT, p -> {
      p.putArray("models").add("kylin_sales_model").add("no_such_model");
      ((ArrayNode) p.get("realizations")).addObject().put("type", "CUBOID").put("realization", "x");
      ((ArrayNode) p.get("realizations")).addObject().put("type", "HYBRID").put("realization", "no_such_hybrid");
    });
    assertEquals(List.of(
        new Finding(Finding.Kind.MISSING_MODEL, PROJECT, "lists model 'no_such_model', which does not exist"),
        new Finding(Finding.Kind.MISSING_REALIZATION, PROJECT, "lists HYBRID 'no_such_hybrid', which does not exist"),
        new Finding(Finding.Kind.MISSING_REALIZATION, PROJECT,
            "lists realization 'x' of type 'CUBOID', which Kylin v2 does not know (CUBE, HYBRID, INVERTED_INDEX)")),
        validate(store));
  }

  @Test
  void aTableV2CannotLoad() {
    V2Store store = V2Store.valid().edit("/table/DEFAULT.KYLIN_CAL_DT.json",
        t -> ((ObjectNode) t.get("columns").get(3)).put("datatype", "bitmap"));
    List<Finding> findings = validate(store);
    assertEquals(Finding.Kind.UNLOADABLE, findings.get(findings.size() - 1).kind(), findings.toString());
    assertEquals("/table/DEFAULT.KYLIN_CAL_DT.json", findings.get(findings.size() - 1).path(), findings.toString());
  }
}
