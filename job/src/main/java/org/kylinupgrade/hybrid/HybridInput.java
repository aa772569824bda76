package org.kylinupgrade.hybrid;

import java.util.List;
import org.kylinupgrade.metadata.Resource;

/**
 * The metadata extending a cube needs: every cube, cube desc, model, table, project and hybrid resource (the names of
 * all of them are checked before any new one is taken).
 */
public record HybridInput(List<Resource> cubes, List<Resource> cubeDescs, List<Resource> models, List<Resource> tables,
    List<Resource> projects, List<Resource> hybrids) {
  /** The resource roots read. */
  public static final List<String> RANGES = List.of("/cube/", "/cube_desc/", "/model_desc/", "/table/", "/project/",
      "/hybrid/");

  public HybridInput {
    cubes = List.copyOf(cubes);
    cubeDescs = List.copyOf(cubeDescs);
    models = List.copyOf(models);
    tables = List.copyOf(tables);
    projects = List.copyOf(projects);
    hybrids = List.copyOf(hybrids);
  }

  /** Sorts resources read from a store into the input, by their root. */
  public static HybridInput of(List<Resource> resources) {
    return new HybridInput(ofType(resources, "cube"), ofType(resources, "cube_desc"), ofType(resources, "model_desc"),
        ofType(resources, "table"), ofType(resources, "project"), ofType(resources, "hybrid"));
  }

  private static List<Resource> ofType(List<Resource> resources, String type) {
    return resources.stream().filter(r -> r.type().equals(type) && r.path().endsWith(".json"))
        .sorted(java.util.Comparator.comparing(Resource::path)).toList();
  }
}
