package org.kylinupgrade.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.ProjectJson.RealizationRef;

class ProjectJsonTest {
  private static ProjectJson read(String json) {
    return ProjectJson.read(Resource.ofText("/project/p_file.json", json, 0L));
  }

  @Test
  void readsNameRealizationsTablesAndModels() {
    ProjectJson p = read("{\"name\":\"sales\",\"realizations\":[{\"type\":\"CUBE\",\"realization\":\"c1\"},"
        + "{\"type\":\"HYBRID\",\"realization\":\"h\"},{\"type\":\"cube\",\"realization\":\"c2\"}],"
        + "\"tables\":[\"DEFAULT.FACT\",null,{\"x\":1},\"DEFAULT.DIM\"],\"models\":[\"m\"]}");
    assertEquals("sales", p.name());
    assertEquals(List.of(new RealizationRef("CUBE", "c1"), new RealizationRef("HYBRID", "h"),
        new RealizationRef("cube", "c2")), p.realizations());
    assertEquals(List.of("c1", "c2"), p.cubes());
    assertEquals(List.of("DEFAULT.FACT", "DEFAULT.DIM"), p.tables());
    assertEquals(List.of("m"), p.models());
  }

  @Test
  void whatIsAbsentOrOfAnotherShapeReadsAsNothing() {
    ProjectJson p = read("{\"name\":7,\"realizations\":[{\"type\":\"CUBE\"},{\"realization\":[1]},\"x\"],"
        + "\"tables\":\"T\"}");
    assertEquals("p_file", p.name());
    assertEquals(List.of(new RealizationRef("CUBE", null), new RealizationRef(null, null),
        new RealizationRef(null, null)), p.realizations());
    assertEquals(List.of(), p.cubes());
    assertEquals(List.of(), p.tables());
    assertEquals(List.of(), p.models());
    assertEquals(List.of(), read("{\"realizations\":{\"type\":\"CUBE\"}}").realizations());
  }

  @Test
  void aHybridsMembersReadTheSameWay() throws IOException {
    assertEquals(List.of(new RealizationRef("CUBE", "a"), new RealizationRef("CUBE", "b")),
        ProjectJson.realizations(new ObjectMapper().readTree(
            "{\"name\":\"h\",\"realizations\":[{\"type\":\"CUBE\",\"realization\":\"a\"},"
                + "{\"type\":\"CUBE\",\"realization\":\"b\"}]}")));
  }

  @Test
  void whatIsNotAJsonObjectIsBadInputNamingTheResource() {
    for (String text : new String[] {"", "[1]", "{\"name\":"}) {
      BadInputException e = assertThrows(BadInputException.class, () -> read(text), text);
      assertTrue(e.getMessage().contains("/project/p_file.json"), e.getMessage());
    }
  }
}
