package org.kylinupgrade.cuboid;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random v1 descs (columns C0..Cn-1, resolved by name) with odd group and hierarchy shapes. */
final class RandomV1Descs {
  private RandomV1Descs() {
  }

  static ObjectNode desc(Random random, int n) {
    ObjectNode desc = Corpus.MAPPER.createObjectNode();
    desc.put("name", "random_" + n);
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cols.add("C" + i);
    }
    ObjectNode rowkey = desc.putObject("rowkey");
    ArrayNode rkCols = rowkey.putArray("rowkey_columns");
    for (String c : cols) {
      ObjectNode rc = rkCols.addObject();
      rc.put("column", c.toLowerCase());
      rc.put("length", 0);
      rc.put("dictionary", "true");
      rc.put("mandatory", random.nextInt(6) == 0);
    }
    int groups = random.nextInt(5);
    if (groups > 0 || random.nextBoolean()) {
      ArrayNode gs = rowkey.putArray("aggregation_groups");
      for (int g = 0; g < groups; g++) {
        ArrayNode group = gs.addArray();
        List<String> shuffled = new ArrayList<>(cols);
        Collections.shuffle(shuffled, random);
        int size = 1 + random.nextInt(Math.max(1, n - 1));
        for (String c : shuffled.subList(0, size)) {
          group.add(c);
        }
        if (random.nextInt(10) == 0) {
          group.add(shuffled.get(0));
        }
      }
    }
    ArrayNode dims = desc.putArray("dimensions");
    int hierarchies = random.nextInt(3);
    List<String> shuffled = new ArrayList<>(cols);
    Collections.shuffle(shuffled, random);
    int at = 0;
    for (int h = 0; h < hierarchies; h++) {
      int len = 2 + random.nextInt(3);
      if (random.nextInt(4) == 0) {
        at = Math.max(0, at - 1); // share a column with the previous hierarchy
      }
      if (at + len > shuffled.size()) {
        break;
      }
      ObjectNode dim = dims.addObject();
      dim.put("id", h);
      dim.put("name", "H" + h);
      dim.put("table", "FACT");
      ArrayNode column = dim.putArray("column");
      for (String c : shuffled.subList(at, at + len)) {
        column.add(c);
      }
      dim.put("hierarchy", true);
      at += len;
    }
    return desc;
  }

  /**
   * A desc with plain groups: columns split into mandatory ones, disjoint groups and the tail; hierarchies inside
   * one group, possibly with levels in the tail or in the mandatory columns' place.
   */
  static ObjectNode plainDesc(Random random, int n) {
    ObjectNode desc = Corpus.MAPPER.createObjectNode();
    desc.put("name", "plain_" + n);
    List<String> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cols.add("C" + i);
    }
    List<String> shuffled = new ArrayList<>(cols);
    Collections.shuffle(shuffled, random);
    int mandatoryCount = random.nextInt(3);
    List<String> mandatory = shuffled.subList(0, Math.min(mandatoryCount, n - 1));
    List<String> rest = new ArrayList<>(shuffled.subList(mandatory.size(), n));
    int groups = 1 + random.nextInt(4);
    List<List<String>> gs = new ArrayList<>();
    int at = 0;
    for (int g = 0; g < groups && at < rest.size(); g++) {
      int size = 1 + random.nextInt(Math.max(1, rest.size() - at));
      if (g == groups - 1 && random.nextBoolean()) {
        size = rest.size() - at;
      }
      gs.add(new ArrayList<>(rest.subList(at, Math.min(rest.size(), at + size))));
      at += size;
    }
    List<String> tail = new ArrayList<>(rest.subList(Math.min(at, rest.size()), rest.size()));
    ObjectNode rowkey = desc.putObject("rowkey");
    ArrayNode rkCols = rowkey.putArray("rowkey_columns");
    for (String c : cols) {
      ObjectNode rc = rkCols.addObject();
      rc.put("column", c);
      rc.put("length", 0);
      rc.put("dictionary", "true");
      rc.put("mandatory", mandatory.contains(c));
    }
    ArrayNode ag = rowkey.putArray("aggregation_groups");
    for (List<String> g : gs) {
      ArrayNode a = ag.addArray();
      for (String c : g) {
        a.add(c);
      }
    }
    ArrayNode dims = desc.putArray("dimensions");
    int id = 0;
    for (List<String> g : gs) {
      if (g.size() >= 2 && random.nextInt(3) > 0) {
        List<String> levels = new ArrayList<>(g);
        Collections.shuffle(levels, random);
        levels = new ArrayList<>(levels.subList(0, 2 + random.nextInt(Math.min(3, g.size() - 1))));
        if (!tail.isEmpty() && random.nextInt(4) == 0) {
          levels.add(random.nextInt(levels.size() + 1), tail.get(0));
        }
        ObjectNode dim = dims.addObject();
        dim.put("id", id++);
        dim.put("name", "H" + id);
        dim.put("table", "FACT");
        ArrayNode column = dim.putArray("column");
        for (String c : levels) {
          column.add(c);
        }
        dim.put("hierarchy", true);
      }
    }
    return desc;
  }
}
