package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.Resource;

/**
 * What purging cubes means beyond the cubes themselves: every cube asked for must be one Kylin loads, and the
 * HTables of the purged segments are unused once no remaining cube's segment refers to them (the upgrade lists
 * them, never drops them). The outcome lists cubes by path and discarded jobs by id, so that reports are stable.
 */
public final class CubePurges {
  private CubePurges() {
  }

  /**
   * A cube whose desc does not exist reaches no model group: Kylin v1 does not load it, so cannot purge it.
   *
   * @throws BadInputException naming the first cube of {@code wanted} (case-insensitively) not among {@code purged}
   */
  public static void requireAllPurged(Set<String> wanted, List<PurgedCube> purged) {
    Set<String> done = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (PurgedCube p : purged) {
      done.add(p.name());
    }
    for (String cube : wanted) {
      if (!done.contains(cube)) {
        throw new BadInputException("cube '" + cube + "' in --purge-cubes cannot be purged: its cube desc does not "
            + "exist, so Kylin does not load the cube");
      }
    }
  }

  /** The HTables the purged cubes' segments were stored in, in the order of the cubes and their segments. */
  public static Set<String> segmentTablesDropped(List<PurgedCube> purged) {
    Set<String> tables = new LinkedHashSet<>();
    for (PurgedCube p : purged) {
      tables.addAll(p.segmentTables());
    }
    return tables;
  }

  /** The HTables a remaining cube's segments are stored in; none for a cube whose JSON cannot be read. */
  public static List<String> segmentTablesOf(Resource remainingCube) {
    try {
      return UpgradeRules.segmentTables(remainingCube);
    } catch (BadInputException e) {
      return Collections.emptyList();
    }
  }

  /** The dropped segment tables no remaining cube refers to, sorted. */
  public static List<String> unusedTables(Set<String> dropped, Collection<String> stillReferenced) {
    List<String> unused = new ArrayList<>();
    for (String table : dropped) {
      if (!stillReferenced.contains(table)) {
        unused.add(table);
      }
    }
    Collections.sort(unused);
    return unused;
  }

  /** The dropped segment tables a remaining cube still refers to, sorted and each once. */
  public static List<String> tablesStillUsed(Collection<String> stillReferenced) {
    return new ArrayList<>(new TreeSet<>(stillReferenced));
  }

  public static List<PurgedCube> byPath(List<PurgedCube> purged) {
    List<PurgedCube> cubes = new ArrayList<>(purged);
    cubes.sort(Comparator.comparing(PurgedCube::path));
    return cubes;
  }

  public static List<DiscardedJob> byId(List<DiscardedJob> discarded) {
    List<DiscardedJob> jobs = new ArrayList<>(discarded);
    jobs.sort(Comparator.comparing(DiscardedJob::id));
    return jobs;
  }
}
