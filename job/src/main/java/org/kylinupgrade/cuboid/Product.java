package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One 1.5 aggregation group seen as a product: the fixed columns (mandatory) plus a free choice per unit — a normal
 * column (absent or present), a joint (absent or all present), a chain of hierarchy levels (absent or a prefix) —
 * with at least one unit present. Immutable.
 */
final class Product {
  static final int NORMAL = 0;
  static final int JOINT = 1;
  static final int CHAIN = 2;

  static final class Unit {
    final int kind;
    /** NORMAL: one bit; JOINT: one mask; CHAIN: the level bits in order. */
    final long[] bits;

    Unit(int kind, long[] bits) {
      this.kind = kind;
      this.bits = bits;
    }

    static Unit normal(long bit) {
      return new Unit(NORMAL, new long[] {bit});
    }

    /** A joint, or a normal column when it has one column. */
    static Unit joint(long mask) {
      return Long.bitCount(mask) == 1 ? normal(mask) : new Unit(JOINT, new long[] {mask});
    }

    /** A chain, or a normal column when it has one level. */
    static Unit chain(long[] levels) {
      return levels.length == 1 ? normal(levels[0]) : new Unit(CHAIN, levels.clone());
    }

    long mask() {
      long m = 0;
      for (long b : bits) {
        m |= b;
      }
      return m;
    }

    /** The unit's patterns, the absent one first. */
    long[] patterns() {
      if (kind != CHAIN) {
        return new long[] {0, bits[0]};
      }
      long[] out = new long[bits.length + 1];
      long acc = 0;
      for (int i = 0; i < bits.length; i++) {
        acc |= bits[i];
        out[i + 1] = acc;
      }
      return out;
    }
  }

  final long fixed;
  final List<Unit> units;

  Product(long fixed, List<Unit> units) {
    this.fixed = fixed;
    this.units = Collections.unmodifiableList(new ArrayList<>(units));
  }

  /** The product that holds one cuboid. */
  static Product single(long cuboid) {
    long low = Long.lowestOneBit(cuboid);
    if ((cuboid & ~low) != 0 && !mandatoryExpressible(cuboid & ~low)) {
      return new Product(0, Collections.singletonList(Unit.joint(cuboid)));
    }
    return new Product(cuboid & ~low, Collections.singletonList(Unit.normal(low)));
  }

  /** Kylin 1.5.4.1 shifts an int for mandatory columns: only bits 0 to 30 mean what they say. */
  static boolean mandatoryExpressible(long mask) {
    return (mask & ~0x7FFFFFFFL) == 0;
  }

  long mask() {
    long m = fixed;
    for (Unit u : units) {
      m |= u.mask();
    }
    return m;
  }

  /** How many unit patterns (Kylin's combination count, which counts the all-absent one too). */
  long combinations() {
    long c = 1;
    for (Unit u : units) {
      c *= u.patterns().length;
      if (c > Integer.MAX_VALUE) {
        return Integer.MAX_VALUE;
      }
    }
    return c;
  }

  /** The dimension count Kylin's save rule limits: one for the mandatory columns, one per unit. */
  int ruleSize() {
    return (fixed != 0 ? 1 : 0) + units.size();
  }

  boolean fits(int maxCombination) {
    return !units.isEmpty() && combinations() <= maxCombination && ruleSize() <= V15Cuboids.DEFAULT_MAX_GROUP_SIZE
        && (fixed == 0 || mandatoryExpressible(fixed));
  }

  /** The cuboids, or null when there are more than {@code bound}. */
  long[] cuboids(long bound) {
    if (units.isEmpty()) {
      return new long[0];
    }
    if (combinations() - 1 > bound) {
      return null;
    }
    LongList acc = new LongList();
    acc.add(fixed);
    for (Unit u : units) {
      LongList next = new LongList();
      long[] ps = u.patterns();
      for (int i = 0; i < acc.size(); i++) {
        for (long p : ps) {
          next.add(acc.get(i) | p);
        }
      }
      acc = next;
    }
    // the first is the all-absent pattern
    long[] out = new long[acc.size() - 1];
    for (int i = 1; i < acc.size(); i++) {
      out[i - 1] = acc.get(i);
    }
    return out;
  }

  /** The 1.5 JSON of this group: names in rowkey order, hierarchies in level order. */
  ObjectNode toJson(List<String> rowkey) {
    int n = rowkey.size();
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode group = f.objectNode();
    ArrayNode includes = group.putArray("includes");
    long all = mask();
    for (int i = 0; i < n; i++) {
      if ((all & (1L << (n - 1 - i))) != 0) {
        includes.add(rowkey.get(i));
      }
    }
    ObjectNode rule = group.putObject("select_rule");
    ArrayNode hier = rule.putArray("hierarchy_dims");
    ArrayNode mand = rule.putArray("mandatory_dims");
    ArrayNode joints = rule.putArray("joint_dims");
    for (int i = 0; i < n; i++) {
      if ((fixed & (1L << (n - 1 - i))) != 0) {
        mand.add(rowkey.get(i));
      }
    }
    for (Unit u : units) {
      if (u.kind == CHAIN) {
        ArrayNode a = hier.addArray();
        for (long b : u.bits) {
          a.add(rowkey.get(n - 1 - Long.numberOfTrailingZeros(b)));
        }
      } else if (u.kind == JOINT) {
        ArrayNode a = joints.addArray();
        for (int i = 0; i < n; i++) {
          if ((u.bits[0] & (1L << (n - 1 - i))) != 0) {
            a.add(rowkey.get(i));
          }
        }
      }
    }
    return group;
  }
}
