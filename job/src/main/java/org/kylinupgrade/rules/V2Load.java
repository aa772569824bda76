package org.kylinupgrade.rules;

import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.DataModel;

/**
 * Whether Kylin v2 loads a model or a cube desc (spec §9), and why not: the loaders of the conversion, for checks
 * that only need the verdict.
 */
public final class V2Load {
  private V2Load() {
  }

  /** A cube desc loaded with its model: the signature of its loaded content, or why v2 leaves it out. */
  public record DescOutcome(Signature signature, String notLoadableReason) {
    public boolean loaded() {
      return notLoadableReason == null;
    }
  }

  /** Why v2's {@code MetadataManager} leaves the model out; null when it loads. */
  public static String modelNotLoadableReason(Resource model, TableCatalog tables) {
    try {
      LoadedModel.load(model, tables);
      return null;
    } catch (NotLoadableException e) {
      return e.getMessage();
    }
  }

  /**
   * Loads the desc as v2's {@code CubeDescManager} does.
   *
   * @param model the model named by the desc's {@code model_name}, or null when there is none
   */
  public static DescOutcome cubeDesc(Resource desc, Resource model, TableCatalog tables) {
    LoadedDesc loaded = loadCubeDesc(desc, model, tables);
    return loaded.loaded() ? new DescOutcome(Signature.compute(loaded.desc(), loaded.model()), null)
        : new DescOutcome(null, loaded.notLoadableReason());
  }

  /** A cube desc and its model as v2 holds them after loading (initialised, mutable), or why v2 leaves it out. */
  public record LoadedDesc(CubeDesc desc, DataModel model, String notLoadableReason) {
    public boolean loaded() {
      return notLoadableReason == null;
    }
  }

  /**
   * Loads the desc as v2's {@code CubeDescManager} does.
   *
   * @param model the model named by the desc's {@code model_name}, or null when there is none
   */
  public static LoadedDesc loadCubeDesc(Resource desc, Resource model, TableCatalog tables) {
    try {
      LoadedModel loadedModel = model == null ? null : LoadedModel.load(model, tables);
      LoadedCubeDesc loaded = LoadedCubeDesc.load(desc, loadedModel, tables);
      return new LoadedDesc(loaded.desc, loadedModel.desc, null);
    } catch (NotLoadableException e) {
      return new LoadedDesc(null, null, e.getMessage());
    }
  }
}
