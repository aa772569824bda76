package org.kylinupgrade.rules;

import java.io.Serializable;

/**
 * Turns a v1 desc's row key rules into Kylin 1.5 aggregation groups. The conversion to 1.5 asks it once per cube desc;
 * a plan must keep the row key order (the conversion never changes it) and should give the cuboid set Kylin 1.3.0
 * builds, since cubes with segments keep their HTables, keyed by cuboid id.
 *
 * <p>Implementations are pure and serializable: they travel with the upgrade options to Spark's executors.
 */
public interface AggregationGroupPlanner extends Serializable {
  GroupPlan plan(V1AggregationRules v1);
}
