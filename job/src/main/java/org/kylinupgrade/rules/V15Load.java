package org.kylinupgrade.rules;

import org.kylinupgrade.cuboid.V15Cuboids;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.v15.CubeDesc;

/** Whether Kylin 1.5.4.1 loads a cube desc of the 1.5 format, and its signature: for checks of upgraded metadata. */
public final class V15Load {
  private V15Load() {
  }

  /** A loaded desc's signature, or why Kylin 1.5 leaves the desc out. */
  public static final class DescOutcome {
    private final Signature signature;
    private final String storedSignature;
    private final String notLoadableReason;
    private final CubeDesc desc;

    private DescOutcome(Signature signature, String storedSignature, String notLoadableReason, CubeDesc desc) {
      this.signature = signature;
      this.storedSignature = storedSignature;
      this.notLoadableReason = notLoadableReason;
      this.desc = desc;
    }

    public boolean loaded() {
      return notLoadableReason == null;
    }

    /** {@code calculateSignature()} of the loaded desc; null when it does not load. */
    public Signature signature() {
      return signature;
    }

    /** The signature written in the desc; null when it does not load. */
    public String storedSignature() {
      return storedSignature;
    }

    public String notLoadableReason() {
      return notLoadableReason;
    }

    /** The desc as Kylin 1.5 holds it once loaded (initialised in place); null when it does not load. */
    public CubeDesc desc() {
      return desc;
    }
  }

  /**
   * Why Kylin 1.5's {@code MetadataManager} leaves the model out; null when it loads.
   *
   * @param tables {@link UpgradeRules#tables(Iterable, UpgradeTarget)} for {@link UpgradeTarget#V1_5}
   */
  public static String modelNotLoadableReason(Resource model, TableCatalog tables) {
    try {
      LoadedModel15.load(model, tables);
      return null;
    } catch (NotLoadableException e) {
      return e.getMessage();
    }
  }

  /**
   * Loads the desc as Kylin 1.5's {@code CubeDescManager} does.
   *
   * @param model the model named by the desc's {@code model_name}, or null when there is none
   * @param tables {@link UpgradeRules#tables(Iterable, UpgradeTarget)} for {@link UpgradeTarget#V1_5}
   */
  public static DescOutcome cubeDesc(Resource desc, Resource model, TableCatalog tables) {
    return cubeDesc(desc, model, tables, V15Cuboids.DEFAULT_MAX_COMBINATION);
  }

  /**
   * As {@link #cubeDesc(Resource, Resource, TableCatalog)}, by a Kylin whose {@code
   * kylin.cube.aggrgroup.max.combination} is {@code maxCombination}.
   */
  public static DescOutcome cubeDesc(Resource desc, Resource model, TableCatalog tables, int maxCombination) {
    try {
      ModelTables modelTables = model == null ? null : LoadedModel15.load(model, tables).tables;
      CubeDesc loaded = KylinJson.bind(desc, CubeDesc.class);
      if (Names.isBlank(loaded.name)) {
        throw new NotLoadableException("CubeDesc name must not be blank");
      }
      CubeDescInit15.run(loaded, modelTables, tables, maxCombination);
      String expectedPath = ResourcePaths.cubeDescPath(loaded.name);
      if (!expectedPath.equals(desc.path())) {
        throw new NotLoadableException("Skip suspicious desc at " + desc.path() + ", CubeDesc [name=" + loaded.name
            + "] should be at " + expectedPath);
      }
      return new DescOutcome(Signature15.compute(loaded), loaded.signature, null, loaded);
    } catch (NotLoadableException e) {
      return new DescOutcome(null, null, e.getMessage(), null);
    }
  }
}
