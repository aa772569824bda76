package org.kylinupgrade.rules;

import java.util.List;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.v2.CubeDesc;

/** A cube desc as Kylin v2's {@code CubeDescManager} holds it after a successful load. */
final class LoadedCubeDesc {
  final Resource resource;
  final CubeDesc desc;
  final LoadedModel model;
  /**
   * The columns of the desc's measures' parameters, in measure order: what filling an empty model from this desc
   * records as the model's metrics ({@link ModelDerivation}).
   */
  final List<String> metricColumns;

  private LoadedCubeDesc(Resource resource, CubeDesc desc, LoadedModel model, List<String> metricColumns) {
    this.resource = resource;
    this.desc = desc;
    this.model = model;
    this.metricColumns = metricColumns;
  }

  /**
   * {@code CubeDescManager.loadCubeDesc} plus the path check of {@code reloadAllCubeDesc}.
   *
   * @param model the initialised model named by the desc's {@code model_name}, or null when v2 has none
   */
  static LoadedCubeDesc load(Resource resource, LoadedModel model, TableCatalog tables) throws NotLoadableException {
    CubeDesc desc = KylinJson.bind(resource, CubeDesc.class);
    if (Names.isBlank(desc.name)) {
      throw new NotLoadableException("CubeDesc name must not be blank");
    }
    CubeDescInit.Result init;
    try {
      init = CubeDescInit.run(desc, model, tables);
    } catch (RuntimeException e) {
      // any other runtime failure of v2's init makes CubeDescManager skip the desc just the same
      throw new NotLoadableException("init failed: " + e);
    }
    String expectedPath = ResourcePaths.cubeDescPath(desc.name);
    if (!expectedPath.equals(resource.path())) {
      throw new NotLoadableException("Skip suspicious desc at " + resource.path() + ", CubeDesc [name=" + desc.name
          + "] should be at " + expectedPath);
    }
    return new LoadedCubeDesc(resource, desc, model, init.metricColumns());
  }

  String name() {
    return desc.name;
  }
}
