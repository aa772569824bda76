package org.kylinupgrade.rules;

import java.util.Objects;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.DataModel;

/**
 * Whether Kylin v2 loads a model or a cube desc, and why not (v2 skips what it cannot bind or initialise, and
 * what depends on it): the loaders of the conversion, for checks that only need the verdict.
 */
public final class V2Load {
  private V2Load() {
  }

  /** A cube desc loaded with its model: the signature of its loaded content, or why v2 leaves it out. */
  public static final class DescOutcome {
    private final Signature signature;
    private final String notLoadableReason;

    public DescOutcome(Signature signature, String notLoadableReason) {
      this.signature = signature;
      this.notLoadableReason = notLoadableReason;
    }

    public Signature signature() {
      return signature;
    }

    public String notLoadableReason() {
      return notLoadableReason;
    }

    public boolean loaded() {
      return notLoadableReason == null;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof DescOutcome)) {
        return false;
      }
      DescOutcome other = (DescOutcome) o;
      return Objects.equals(signature, other.signature)
          && Objects.equals(notLoadableReason, other.notLoadableReason);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(signature);
      h = 31 * h + Objects.hashCode(notLoadableReason);
      return h;
    }

    @Override
    public String toString() {
      return "DescOutcome[signature=" + signature + ", notLoadableReason=" + notLoadableReason + "]";
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
  public static final class LoadedDesc {
    private final CubeDesc desc;
    private final DataModel model;
    private final String notLoadableReason;

    public LoadedDesc(CubeDesc desc, DataModel model, String notLoadableReason) {
      this.desc = desc;
      this.model = model;
      this.notLoadableReason = notLoadableReason;
    }

    public CubeDesc desc() {
      return desc;
    }

    public DataModel model() {
      return model;
    }

    public String notLoadableReason() {
      return notLoadableReason;
    }

    public boolean loaded() {
      return notLoadableReason == null;
    }

    @Override
    public boolean equals(Object o) {
      if (this == o) {
        return true;
      }
      if (!(o instanceof LoadedDesc)) {
        return false;
      }
      LoadedDesc other = (LoadedDesc) o;
      return Objects.equals(desc, other.desc)
          && Objects.equals(model, other.model)
          && Objects.equals(notLoadableReason, other.notLoadableReason);
    }

    /** The hash of a record of these components, so that hash-ordered collections keep their order. */
    @Override
    public int hashCode() {
      int h = 0;
      h = 31 * h + Objects.hashCode(desc);
      h = 31 * h + Objects.hashCode(model);
      h = 31 * h + Objects.hashCode(notLoadableReason);
      return h;
    }

    @Override
    public String toString() {
      return "LoadedDesc[desc=" + desc + ", model=" + model + ", notLoadableReason=" + notLoadableReason + "]";
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
