package org.kylinupgrade.hybrid;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.util.Immutables;

/**
 * The metadata extending a cube needs: every cube, cube desc, model, table, project and hybrid resource (the names of
 * all of them are checked before any new one is taken).
 */
public final class HybridInput {
  /** The resource roots read. */
  public static final List<String> RANGES = Immutables.listOf(ResourcePaths.under(ResourcePaths.CUBE),
      ResourcePaths.under(ResourcePaths.CUBE_DESC), ResourcePaths.under(ResourcePaths.MODEL_DESC),
      ResourcePaths.under(ResourcePaths.TABLE), ResourcePaths.under(ResourcePaths.PROJECT),
      ResourcePaths.under(ResourcePaths.HYBRID));

  private final List<Resource> cubes;
  private final List<Resource> cubeDescs;
  private final List<Resource> models;
  private final List<Resource> tables;
  private final List<Resource> projects;
  private final List<Resource> hybrids;

  public HybridInput(List<Resource> cubes, List<Resource> cubeDescs, List<Resource> models, List<Resource> tables,
      List<Resource> projects, List<Resource> hybrids) {
    cubes = Immutables.copyOfList(cubes);
    cubeDescs = Immutables.copyOfList(cubeDescs);
    models = Immutables.copyOfList(models);
    tables = Immutables.copyOfList(tables);
    projects = Immutables.copyOfList(projects);
    hybrids = Immutables.copyOfList(hybrids);

    this.cubes = cubes;
    this.cubeDescs = cubeDescs;
    this.models = models;
    this.tables = tables;
    this.projects = projects;
    this.hybrids = hybrids;
  }

  public List<Resource> cubes() {
    return cubes;
  }

  public List<Resource> cubeDescs() {
    return cubeDescs;
  }

  public List<Resource> models() {
    return models;
  }

  public List<Resource> tables() {
    return tables;
  }

  public List<Resource> projects() {
    return projects;
  }

  public List<Resource> hybrids() {
    return hybrids;
  }

  /** Sorts resources read from a store into the input, by their root. */
  public static HybridInput of(List<Resource> resources) {
    return new HybridInput(ofType(resources, "cube"), ofType(resources, "cube_desc"), ofType(resources, "model_desc"),
        ofType(resources, "table"), ofType(resources, "project"), ofType(resources, "hybrid"));
  }

  private static List<Resource> ofType(List<Resource> resources, String type) {
    return resources.stream().filter(r -> r.type().equals(type) && r.path().endsWith(".json"))
        .sorted(java.util.Comparator.comparing(Resource::path)).collect(Collectors.toList());
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof HybridInput)) {
      return false;
    }
    HybridInput other = (HybridInput) o;
    return Objects.equals(cubes, other.cubes)
        && Objects.equals(cubeDescs, other.cubeDescs)
        && Objects.equals(models, other.models)
        && Objects.equals(tables, other.tables)
        && Objects.equals(projects, other.projects)
        && Objects.equals(hybrids, other.hybrids);
  }

  /** The hash of a record of these components, so that hash-ordered collections keep their order. */
  @Override
  public int hashCode() {
    int h = 0;
    h = 31 * h + Objects.hashCode(cubes);
    h = 31 * h + Objects.hashCode(cubeDescs);
    h = 31 * h + Objects.hashCode(models);
    h = 31 * h + Objects.hashCode(tables);
    h = 31 * h + Objects.hashCode(projects);
    h = 31 * h + Objects.hashCode(hybrids);
    return h;
  }

  @Override
  public String toString() {
    return "HybridInput[cubes=" + cubes + ", cubeDescs=" + cubeDescs + ", models=" + models + ", tables=" + tables
        + ", projects=" + projects + ", hybrids=" + hybrids + "]";
  }
}
