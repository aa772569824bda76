package org.kylinupgrade.rules;

import org.kylinupgrade.metadata.Resource;

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
    try {
      LoadedModel loadedModel = model == null ? null : LoadedModel.load(model, tables);
      LoadedCubeDesc loaded = LoadedCubeDesc.load(desc, loadedModel, tables);
      return new DescOutcome(Signature.compute(loaded.desc, loadedModel.desc), null);
    } catch (NotLoadableException e) {
      return new DescOutcome(null, e.getMessage());
    }
  }
}
