package org.kylinupgrade.rules;

/**
 * Where two Kylin releases initialise a cube desc of the old (v1) format differently: 1.4-alpha's own
 * {@code CubeDesc.init}, and the copy of it Kylin 1.5.4.1 keeps for its upgrade ({@code cube.model.v1_4_0}), which
 * runs against 1.5's measure and data type classes.
 */
interface DescInitRules {
  /** Kylin 1.4-alpha: measures sorted by id, holistic count distinct checked, measure columns from the fact table. */
  DescInitRules KYLIN_1_4_ALPHA = new DescInitRules() {
    @Override
    public boolean sortsMeasuresById() {
      return true;
    }

    @Override
    public boolean requiresDependentMeasureOfHolisticCountDistinct() {
      return true;
    }

    @Override
    public boolean findsMeasureColumnsInLookups() {
      return false;
    }

    @Override
    public KylinDataTypes dataTypes() {
      return KylinDataTypes.KYLIN_1_4_ALPHA;
    }
  };

  /**
   * Kylin 1.5.4.1's old-format desc: measures left in their JSON order (the sort is commented out), no holistic
   * count distinct check, a measure column looked up in the fact table and then in each lookup table.
   */
  DescInitRules KYLIN_1_5_OLD_FORMAT = new DescInitRules() {
    @Override
    public boolean sortsMeasuresById() {
      return false;
    }

    @Override
    public boolean requiresDependentMeasureOfHolisticCountDistinct() {
      return false;
    }

    @Override
    public boolean findsMeasureColumnsInLookups() {
      return true;
    }

    @Override
    public KylinDataTypes dataTypes() {
      return KylinDataTypes.KYLIN_1_5;
    }
  };

  boolean sortsMeasuresById();

  /** Whether a count distinct returning bigint must name a dependent measure. */
  boolean requiresDependentMeasureOfHolisticCountDistinct();

  /** False: a measure's column parameter must be a fact table column. */
  boolean findsMeasureColumnsInLookups();

  /** The data types a measure's return type is checked against. */
  KylinDataTypes dataTypes();
}
