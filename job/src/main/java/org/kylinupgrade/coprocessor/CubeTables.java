package org.kylinupgrade.coprocessor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.coprocessor.Realization.Kind;
import org.kylinupgrade.coprocessor.Realization.Member;
import org.kylinupgrade.coprocessor.Realization.Segment;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.util.Immutables;
import org.kylinupgrade.util.Strings;

/**
 * The HTables the target release's DeployCoprocessorCLI would touch, and the operator's selection among them.
 * Candidates are the tables of READY cube segments and, but for Kylin 1.5 (which has no inverted indexes and
 * deploys on cube tables only), of inverted indexes: every segment of a READY index for Kylin 1.4-alpha, READY
 * segments for Kylin 1.3.0. Hybrids contribute their member cubes when a project names them. Names of cubes,
 * indexes and projects are matched ignoring case, as Kylin's managers do.
 */
public final class CubeTables {
  private final Map<String, Realization> cubes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Realization> indexes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Realization> hybrids = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, Realization> projects = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Target target;

  public CubeTables(Collection<Realization> realizations, Target target) {
    this.target = target;
    for (Realization r : realizations) {
      byKind(r.kind()).put(r.name(), r);
    }
  }

  private Map<String, Realization> byKind(Kind kind) {
    switch (kind) {
      case CUBE:
        return cubes;
      case INVERTED_INDEX:
        return indexes;
      case HYBRID:
        return hybrids;
      case PROJECT:
        return projects;
      default:
        throw new IllegalArgumentException("unknown realization kind " + kind);
    }
  }

  /** Every candidate table, in metadata order (cubes then indexes, by name), without duplicates. */
  public List<String> all() {
    Set<String> tables = new LinkedHashSet<>();
    cubes.values().forEach(c -> tables.addAll(candidatesOf(c)));
    indexes.values().forEach(i -> tables.addAll(candidatesOf(i)));
    return Immutables.copyOfList(tables);
  }

  private List<String> candidatesOf(Realization r) {
    List<String> tables = new ArrayList<>();
    if (r.kind() == Kind.INVERTED_INDEX && !indexTablesAreCandidates()) {
      return tables;
    }
    boolean byIndexStatus = r.kind() == Kind.INVERTED_INDEX && target == Target.KYLIN_1_4_ALPHA;
    boolean readyIndex = "READY".equals(r.status());
    for (Segment s : r.segments()) {
      boolean candidate = byIndexStatus ? readyIndex : s.isReady();
      if (candidate && s.table() != null && !Strings.isBlank(s.table())) {
        tables.add(s.table().trim());
      }
    }
    return tables;
  }

  /** Kylin 1.5 lists no inverted index (its release has none): their tables keep what they carry. */
  private boolean indexTablesAreCandidates() {
    return target != Target.KYLIN_1_5;
  }

  /** The named tables, which must be candidates (a cube segment table is never guessed at). */
  public List<String> tables(List<String> names) {
    Set<String> candidates = new LinkedHashSet<>(all());
    Set<String> selected = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : names) {
      String name = trimmed(raw);
      if (name.isEmpty()) {
        continue;
      }
      if (candidates.contains(name)) {
        selected.add(name);
      } else {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException((indexTablesAreCandidates()
          ? "not the HTable of a READY cube or inverted-index segment in the metadata: "
          : "not the HTable of a READY cube segment in the metadata (Kylin 1.5 deploys its coprocessor on cube "
              + "tables only; an inverted index's table takes --target 1.4-alpha or 1.3): ")
          + String.join(", ", unknown));
    }
    return Immutables.copyOfList(selected);
  }

  /** The candidate tables of the named cubes (or inverted indexes). */
  public List<String> cubes(List<String> names) {
    Set<String> selected = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : names) {
      String name = trimmed(raw);
      Realization r = cubes.containsKey(name) ? cubes.get(name) : indexes.get(name);
      if (r == null) {
        unknown.add(name);
      } else if (r.kind() == Kind.INVERTED_INDEX && !indexTablesAreCandidates()) {
        throw new BadInputException(name + " is an inverted index: Kylin 1.5 has none and deploys its coprocessor "
            + "on cube tables only; an index's tables take --target 1.4-alpha or 1.3");
      } else {
        selected.addAll(candidatesOf(r));
      }
    }
    requireKnown("cube", unknown);
    return Immutables.copyOfList(selected);
  }

  /** The candidate tables of the cubes, inverted indexes and hybrids' cubes of the named projects. */
  public List<String> projects(List<String> names) {
    Set<String> selected = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String raw : names) {
      Realization project = projects.get(trimmed(raw));
      if (project == null) {
        unknown.add(trimmed(raw));
        continue;
      }
      for (Member m : project.members()) {
        selected.addAll(tablesOfMember(m, new LinkedHashSet<>()));
      }
    }
    requireKnown("project", unknown);
    return Immutables.copyOfList(selected);
  }

  private List<String> tablesOfMember(Member m, Set<String> visitedHybrids) {
    String type = m.type().toUpperCase(Locale.ROOT);
    if (type.equals("CUBE") && cubes.containsKey(m.name())) {
      return candidatesOf(cubes.get(m.name()));
    }
    if (type.equals("INVERTED_INDEX") && indexes.containsKey(m.name())) {
      return candidatesOf(indexes.get(m.name()));
    }
    if (type.equals("HYBRID") && hybrids.containsKey(m.name()) && visitedHybrids.add(m.name().toUpperCase(Locale.ROOT))) {
      List<String> tables = new ArrayList<>();
      hybrids.get(m.name()).members().forEach(member -> tables.addAll(tablesOfMember(member, visitedHybrids)));
      return tables;
    }
    return Collections.emptyList();
  }

  private static String trimmed(String raw) {
    String name = raw.trim();
    return name.endsWith(",") ? name.substring(0, name.length() - 1).trim() : name;
  }

  private static void requireKnown(String kind, List<String> unknown) {
    if (!unknown.isEmpty()) {
      throw new BadInputException("unknown " + kind + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
          + " in the metadata; check the name");
    }
  }
}
