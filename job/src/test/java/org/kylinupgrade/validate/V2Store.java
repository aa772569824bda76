package org.kylinupgrade.validate;

import java.util.Map;
import org.kylinupgrade.TestData;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Signature;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;

/** A valid v2 store (Kylin 1.4-alpha's upgraded sample cube) with {@value #CLONES} copies, to plant faults in. */
public final class V2Store extends PlantingStore<V2Store> {
  public static final int CLONES = 13;
  private static final long TIMESTAMP = 1700000000000L;

  private V2Store(Map<String, Resource> resources) {
    super(resources, TIMESTAMP);
  }

  public static V2Store valid() {
    return new V2Store(InMemoryValidation.readFolder(TestData.expected("kylin-1.3.0-sample-cube"))).withClones(CLONES);
  }

  /** The signature Kylin v2 computes for clone {@code k}'s desc as it is now. */
  @Override
  public Signature signatureOf(int k) {
    TableCatalog tables = UpgradeRules.tables(tables());
    return Signature.compute(resources.get(desc(k)), resources.get(model(k)), tables);
  }
}
