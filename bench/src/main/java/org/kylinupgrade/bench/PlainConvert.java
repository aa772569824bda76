package org.kylinupgrade.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.InputChecks;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.VersionRefresh;

/**
 * The upgrade's conversion step with the same rules as {@code UpgradePipeline.convert} in plain Java threads and
 * plain collections (no Spark): the input checks, cubes without a desc, duplicate names, the table catalog, every
 * model group, then the output (rewritten, labelled for 1.5, or as read), its counts by type and the labelled count.
 * With one thread everything runs on the caller; with more, each of the three passes (read the names, convert the
 * groups, write the output) is split into one share per thread and the shares are merged in order, which gives the
 * same outcome.
 */
final class PlainConvert {
  record Outcome(List<Resource> output, int changes, int problems, long labelled, Map<String, Long> countsByType,
      CuboidCheckCounts cuboidChecks) {
  }

  private PlainConvert() {
  }

  static Outcome convert(List<Resource> resources, UpgradeOptions options) {
    return convert(resources, options, 1);
  }

  static Outcome convert(List<Resource> resources, UpgradeOptions options, int threads) {
    UpgradeTarget target = options.target();
    Scan scan = new Scan();
    inParallel(threads, i -> Scan.of(share(resources, i, threads), target)).forEach(scan::add);
    List<Problem> problems = new ArrayList<>(scan.problems);
    Map<String, List<Resource>> cubesByModel = cubesByModel(scan, problems);
    scan.pathsByName.forEach((name, paths) -> {
      if (paths.size() > 1) {
        paths.forEach(p -> problems.add(new Problem(p, "duplicate name " + name)));
      }
    });
    TableCatalog tables = UpgradeRules.tables(scan.tableResources, target);

    List<Map.Entry<String, List<Resource>>> groups = new ArrayList<>(scan.descsByModel.entrySet());
    Converted converted = new Converted();
    inParallel(threads, i -> {
      Converted share = new Converted();
      for (Map.Entry<String, List<Resource>> group : share(groups, i, threads)) {
        share.add(UpgradeRules.convertGroup(group.getKey(), scan.modelByKey.get(group.getKey()), group.getValue(),
            cubesByModel.getOrDefault(group.getKey(), List.of()), tables, options));
      }
      return share;
    }).forEach(converted::add);
    problems.addAll(converted.problems);

    boolean v15 = target == UpgradeTarget.V1_5;
    long timestamp = options.runTimestamp();
    List<Resource> output = new ArrayList<>(resources.size());
    long labelled = 0;
    for (Written share : inParallel(threads, i -> {
      Written written = new Written();
      for (Resource r : share(resources, i, threads)) {
        Resource out = converted.rewritten.get(r.path());
        if (out == null) {
          out = !v15 || converted.untouched.contains(r.path()) ? r : VersionRefresh.refresh(r, timestamp);
          written.labelled += out != r ? 1 : 0;
        }
        written.output.add(out);
      }
      return written;
    })) {
      output.addAll(share.output);
      labelled += share.labelled;
    }
    return new Outcome(output, converted.changes.size(), problems.size(), labelled, scan.counts, converted.checks);
  }

  /** One model group as the rules take it. */
  record Group(String key, Resource model, List<Resource> descs, List<Resource> cubes) {
  }

  /** The model groups of {@code resources}, in the order the plain rules convert them. */
  static List<Group> groups(List<Resource> resources, UpgradeTarget target) {
    Scan scan = Scan.of(resources, target);
    Map<String, List<Resource>> cubesByModel = cubesByModel(scan, new ArrayList<>());
    List<Group> groups = new ArrayList<>();
    scan.descsByModel.forEach((key, descs) -> groups.add(new Group(key, scan.modelByKey.get(key), descs,
        cubesByModel.getOrDefault(key, List.of()))));
    return groups;
  }

  /** The first pass alone over some resources: their names, checks and counts, read as the plain rules read them. */
  static void readNames(List<Resource> resources, UpgradeTarget target) {
    Scan.of(resources, target);
  }

  /** The cubes of each model key; cubes whose desc is unknown are added to {@code problems}. */
  private static Map<String, List<Resource>> cubesByModel(Scan scan, List<Problem> problems) {
    Map<String, List<Resource>> cubesByModel = new HashMap<>();
    for (Map.Entry<Resource, String> cube : scan.cubeDescKeys) {
      Set<String> models = scan.modelsOfDesc.get(cube.getValue());
      if (models == null) {
        problems.add(new Problem(cube.getKey().path(), "cube without desc"));
        continue;
      }
      for (String modelKey : models) {
        cubesByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(cube.getKey());
      }
    }
    return cubesByModel;
  }

  /** A share of the output and how many of it got only the version label. */
  private static final class Written {
    final List<Resource> output = new ArrayList<>();
    long labelled;
  }

  /** What the first pass reads of the resources; a share of them, or all once the shares are added in order. */
  private static final class Scan {
    final List<Problem> problems = new ArrayList<>();
    final List<Resource> tableResources = new ArrayList<>();
    final Map<String, List<Resource>> descsByModel = new LinkedHashMap<>();
    final Map<String, Set<String>> modelsOfDesc = new HashMap<>();
    final Map<String, Resource> modelByKey = new HashMap<>();
    final Map<String, List<String>> pathsByName = new TreeMap<>();
    final List<Map.Entry<Resource, String>> cubeDescKeys = new ArrayList<>();
    final Map<String, Long> counts = new TreeMap<>();

    static Scan of(List<Resource> resources, UpgradeTarget target) {
      Scan scan = new Scan();
      for (Resource r : resources) {
        scan.counts.merge(r.type(), 1L, Long::sum);
        if (InputChecks.isRead(r, target)) {
          Problem p = InputChecks.check(r);
          if (p != null) {
            scan.problems.add(p);
          }
        }
        switch (r.type()) {
          case "table" -> scan.tableResources.add(r);
          case "cube_desc" -> {
            String[] names = UpgradeRules.namesOfDesc(r);
            String modelKey = UpgradeRules.groupKey(names[1]);
            scan.descsByModel.computeIfAbsent(modelKey, k -> new ArrayList<>()).add(r);
            scan.modelsOfDesc.computeIfAbsent(UpgradeRules.groupKey(names[0]), k -> new LinkedHashSet<>()).add(modelKey);
          }
          case "model_desc" -> {
            String key = UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(r));
            scan.modelByKey.putIfAbsent(key, r);
            scan.pathsByName.computeIfAbsent("model_desc/" + key, k -> new ArrayList<>()).add(r.path());
          }
          case "cube" -> {
            scan.cubeDescKeys.add(Map.entry(r, UpgradeRules.groupKey(UpgradeRules.descNameOfCube(r))));
            scan.pathsByName.computeIfAbsent("cube/" + UpgradeRules.groupKey(UpgradeRules.nameOfCube(r)),
                k -> new ArrayList<>()).add(r.path());
          }
          default -> {
          }
        }
      }
      return scan;
    }

    void add(Scan later) {
      problems.addAll(later.problems);
      tableResources.addAll(later.tableResources);
      later.descsByModel.forEach((k, v) -> descsByModel.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      later.modelsOfDesc.forEach((k, v) -> modelsOfDesc.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
      later.modelByKey.forEach(modelByKey::putIfAbsent);
      later.pathsByName.forEach((k, v) -> pathsByName.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
      cubeDescKeys.addAll(later.cubeDescKeys);
      later.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
    }
  }

  /** What the groups of a share gave, or of all once the shares are added. */
  private static final class Converted {
    final Map<String, Resource> rewritten = new HashMap<>();
    final Set<String> untouched = new HashSet<>();
    final List<Change> changes = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    CuboidCheckCounts checks = CuboidCheckCounts.NONE;

    void add(GroupResult result) {
      result.rewritten().forEach(r -> rewritten.put(r.path(), r));
      untouched.addAll(result.untouched());
      changes.addAll(result.changes());
      problems.addAll(result.unloadable());
      problems.addAll(result.warnings());
      checks = checks.plus(result.cuboidChecks());
    }

    void add(Converted share) {
      rewritten.putAll(share.rewritten);
      untouched.addAll(share.untouched);
      changes.addAll(share.changes);
      problems.addAll(share.problems);
      checks = checks.plus(share.checks);
    }
  }

  /** Share {@code i} of {@code threads} of the list, a contiguous range. */
  static <T> List<T> share(List<T> items, int i, int threads) {
    return items.subList((int) ((long) items.size() * i / threads), (int) ((long) items.size() * (i + 1) / threads));
  }

  /** {@code work} of each share, share 0 on the calling thread and the others each on a thread of their own. */
  static <T> List<T> inParallel(int threads, IntFunction<T> work) {
    if (threads == 1) {
      return List.of(work.apply(0));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads - 1);
    try {
      List<Future<T>> others = new ArrayList<>();
      for (int i = 1; i < threads; i++) {
        int share = i;
        others.add(pool.submit(() -> work.apply(share)));
      }
      List<T> out = new ArrayList<>(List.of(work.apply(0)));
      for (Future<T> other : others) {
        out.add(other.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
