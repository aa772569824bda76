package org.kylinupgrade.validate;

import java.util.Map;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.V15Load;

/**
 * A valid 1.5 store (Kylin 1.5.4.1's upgraded sample cube) with {@value #CLONES} copies, every copy with the version
 * label, to plant faults in.
 */
public final class V15Store extends PlantingStore<V15Store> {
  public static final int CLONES = 10;
  private static final long TIMESTAMP = 1800000000000L;

  private V15Store(Map<String, Resource> resources) {
    super(resources, TIMESTAMP);
  }

  public static V15Store valid() {
    return new V15Store(V15Expected.folder(V15Expected.SAMPLE)).withClones(CLONES);
  }

  /** The signature Kylin 1.5.4.1 computes for clone {@code k}'s desc as it is now. */
  @Override
  public Signature signatureOf(int k) {
    TableCatalog tables = UpgradeRules.tables(tables(), UpgradeTarget.V1_5);
    V15Load.DescOutcome outcome = V15Load.cubeDesc(resources.get(desc(k)), resources.get(model(k)), tables);
    if (!outcome.loaded()) {
      throw new IllegalStateException(desc(k) + ": " + outcome.notLoadableReason());
    }
    return outcome.signature();
  }
}
