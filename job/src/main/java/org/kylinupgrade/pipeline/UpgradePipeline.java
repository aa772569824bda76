package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.kylinupgrade.metadata.BadInputException;
import org.apache.spark.util.LongAccumulator;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.metadata.ResourcePaths;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.CubePurges;
import org.kylinupgrade.rules.CuboidCheckCounts;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.InputChecks;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.PurgedCube;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.VersionRefresh;
import scala.Tuple2;

/**
 * The v1 → v2 conversion as a Spark pipeline over an RDD of resources. Cube descs, models and cubes are
 * grouped by model in one shuffle, keyed by the names one pass read before; table descs are broadcast; every other
 * resource passes through without being shuffled (for the 1.5 target, through a map that puts Kylin 1.5's version
 * label on it). Only the change report, the problems and counts reach the driver.
 */
public final class UpgradePipeline implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String CUBE = "cube";
  static final String CUBE_DESC = "cube_desc";
  static final String MODEL = "model_desc";
  static final String TABLE = "table";

  private UpgradePipeline() {
  }

  /** What one conversion found; {@link #output} is lazy and may be written once the caller decided to. */
  public static final class ConversionResult {
    public final JavaRDD<Resource> output;
    public final JavaRDD<Resource> rewritten;
    public final List<Change> changes;
    public final List<Problem> unloadable;
    public final List<Problem> warnings;
    public final PurgeOutcome purge;
    /** For the 1.5 target, how the cuboid check of the converted descs went; none for 1.4-alpha. */
    public final CuboidCheckCounts cuboidChecks;
    /**
     * For the 1.5 target, the resources whose only change is Kylin 1.5's version label (also in {@link #rewritten});
     * empty for 1.4-alpha. Lazy: counting it reads every JSON resource again.
     */
    public final JavaRDD<Resource> versionLabelled;
    /** The group results as the conversion cached them. */
    private final JavaRDD<?> cachedResults;
    private final JavaRDD<Resource> converted;
    private final LongAccumulator labelledInOutput;
    private ConversionBroadcasts broadcasts;

    ConversionResult(JavaRDD<Resource> output, JavaRDD<Resource> rewritten, JavaRDD<?> cachedResults,
        JavaRDD<Resource> converted, List<Change> changes, List<Problem> unloadable, List<Problem> warnings,
        PurgeOutcome purge) {
      this(output, rewritten, JavaSparkContext.fromSparkContext(output.context()).<Resource>emptyRDD(), cachedResults,
          converted, changes, unloadable, warnings, purge);
    }

    ConversionResult(JavaRDD<Resource> output, JavaRDD<Resource> rewritten, JavaRDD<Resource> versionLabelled,
        JavaRDD<?> cachedResults, JavaRDD<Resource> converted, List<Change> changes, List<Problem> unloadable,
        List<Problem> warnings, PurgeOutcome purge) {
      this(output, rewritten, versionLabelled, cachedResults, converted, changes, unloadable, warnings, purge,
          CuboidCheckCounts.NONE, null);
    }

    ConversionResult(JavaRDD<Resource> output, JavaRDD<Resource> rewritten, JavaRDD<Resource> versionLabelled,
        JavaRDD<?> cachedResults, JavaRDD<Resource> converted, List<Change> changes, List<Problem> unloadable,
        List<Problem> warnings, PurgeOutcome purge, CuboidCheckCounts cuboidChecks, LongAccumulator labelledInOutput) {
      this.labelledInOutput = labelledInOutput;
      this.cuboidChecks = cuboidChecks;
      this.output = output;
      this.rewritten = rewritten;
      this.versionLabelled = versionLabelled;
      this.cachedResults = cachedResults;
      this.converted = converted;
      this.changes = changes;
      this.unloadable = unloadable;
      this.warnings = warnings;
      this.purge = purge;
    }

    /**
     * How many resources of {@link #output} got only the version label, counted while the output was computed: the
     * count of {@link #versionLabelled} without reading the resources again, valid once one action (the folder write)
     * has computed the output exactly once. Empty when the conversion cannot tell (1.4-alpha; resources put back as
     * they were read, which the output counted before they were put back): count {@link #versionLabelled} then.
     */
    public java.util.OptionalLong labelledInOutput() {
      return labelledInOutput == null ? java.util.OptionalLong.empty()
          : java.util.OptionalLong.of(labelledInOutput.value());
    }

    private ConversionResult holding(ConversionBroadcasts made) {
      this.broadcasts = made;
      return this;
    }

    /** The broadcasts the conversion made and {@link #release()} destroys. */
    List<Broadcast<?>> broadcastsMade() {
      return broadcasts == null ? Collections.<Broadcast<?>>emptyList() : broadcasts.made();
    }

    /** Frees what the conversion cached and broadcast: none of its RDDs may be computed afterwards. */
    public void release() {
      cachedResults.unpersist(false);
      converted.unpersist(false);
      if (broadcasts != null) {
        broadcasts.destroy();
      }
    }
  }

  static boolean isConvertedType(String type) {
    return type.equals(CUBE) || type.equals(CUBE_DESC) || type.equals(MODEL) || type.equals(TABLE);
  }

  /**
   * What the conversion to one target reads of the resources before it converts them, read in one pass (one Spark job,
   * no shuffle): the input checks, the names of descs, models and cubes, the tables, and the counts per type. A job
   * that reads its input takes it there, in the pass that reads (and caches) the input, and hands it to
   * {@link #convert(JavaSparkContext, JavaRDD, UpgradeOptions, Scan)}.
   */
  public static final class Scan {
    private final ResourceFacts facts;
    private final UpgradeTarget target;

    private Scan(ResourceFacts facts, UpgradeTarget target) {
      this.facts = facts;
      this.target = target;
    }

    /** How many resources of each type were read, by type name. */
    public Map<String, Long> countsByType() {
      return Collections.unmodifiableMap(facts.countsByType);
    }
  }

  public static Scan scan(JavaRDD<Resource> resources, UpgradeTarget target) {
    return new Scan(ResourceFacts.of(resources, target), target);
  }

  /**
   * Converts the resources as the upgrade of {@code options}' target does, after purging the cubes {@code options}
   * names.
   *
   * @throws BadInputException when a cube to purge does not exist or Kylin v1 cannot load it
   */
  public static ConversionResult convert(JavaSparkContext sc, JavaRDD<Resource> resources, UpgradeOptions options) {
    return convert(sc, resources, options, scan(resources, options.target()));
  }

  /** {@link #convert(JavaSparkContext, JavaRDD, UpgradeOptions)} with the resources' {@link Scan} read already. */
  public static ConversionResult convert(JavaSparkContext sc, JavaRDD<Resource> resources, UpgradeOptions options,
      Scan scan) {
    final UpgradeTarget target = options.target();
    if (scan.target != target) {
      throw new IllegalArgumentException("the resources were scanned for " + scan.target.release()
          + " but are converted for " + target.release() + ": scan them for the conversion's target");
    }
    ConversionBroadcasts broadcasts = new ConversionBroadcasts(sc);
    ResourceFacts facts = scan.facts;
    List<Problem> found = new ArrayList<Problem>(facts.inputProblems);
    if (facts.complete) {
      found.addAll(facts.cubesWithoutDesc());
      found.addAll(facts.duplicateNames());
    } else {
      found.addAll(cubesWithoutDesc(broadcasts, resources));
      found.addAll(duplicateNames(resources));
    }
    ConversionResult conversion = convertChecked(sc, broadcasts, resources, options, facts.complete ? facts : null);
    return (found.isEmpty() ? conversion : leftUntouched(broadcasts, conversion, resources, found)).holding(broadcasts);
  }

  /**
   * Cubes whose {@code descriptor} names no cube desc: Kylin does not load such a cube, and no model group reaches it.
   */
  private static List<Problem> cubesWithoutDesc(ConversionBroadcasts broadcasts, JavaRDD<Resource> resources) {
    Set<String> descs = new HashSet<String>(resources.filter(r -> r.type().equals(CUBE_DESC))
        .map(d -> UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(d))).distinct().collect());
    Broadcast<Set<String>> known = broadcasts.of(descs);
    return resources.filter(r -> r.type().equals(CUBE))
        .filter(c -> !known.value().contains(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c))))
        .map(c -> ResourceFacts.cubeWithoutDesc(c.path(), cubeName(c), UpgradeRules.descNameOfCube(c))).collect();
  }

  /**
   * Cubes, and models, that share a name with another (names compare case-insensitively, as Kylin's maps do): Kylin
   * keeps one of them and drops the others without a word.
   */
  private static List<Problem> duplicateNames(JavaRDD<Resource> resources) {
    List<Tuple2<String, String>> named = resources.filter(r -> r.type().equals(CUBE) || r.type().equals(MODEL))
        .mapToPair(r -> new Tuple2<String, String>(r.type() + "/" + UpgradeRules.groupKey(r.type().equals(CUBE)
            ? UpgradeRules.nameOfCube(r) : UpgradeRules.modelNameOfModel(r)), r.path()))
        .groupByKey()
        .filter(t -> count(t._2()) > 1)
        .flatMap(t -> {
          List<String> paths = list(t._2());
          Collections.sort(paths);
          List<Tuple2<String, String>> out = new ArrayList<Tuple2<String, String>>();
          for (String path : paths) {
            out.add(new Tuple2<String, String>(t._1(), path));
          }
          return out.iterator();
        }).collect();
    Map<String, List<String>> pathsByName = new java.util.TreeMap<String, List<String>>();
    for (Tuple2<String, String> t : named) {
      pathsByName.computeIfAbsent(t._1(), k -> new ArrayList<String>()).add(t._2());
    }
    return ResourceFacts.duplicateNameProblems(pathsByName);
  }

  private static long count(Iterable<?> items) {
    long n = 0;
    for (Object ignored : items) {
      n++;
    }
    return n;
  }

  /** The conversion with the resources of {@code problems} reported unloadable and written exactly as they were read. */
  private static ConversionResult leftUntouched(ConversionBroadcasts broadcasts, ConversionResult conversion,
      JavaRDD<Resource> resources, List<Problem> problems) {
    Set<String> paths = new HashSet<String>();
    for (Problem problem : problems) {
      paths.add(problem.path());
    }
    Broadcast<Set<String>> kept = broadcasts.of(paths);
    JavaRDD<Resource> output = conversion.output.filter(r -> !kept.value().contains(r.path()))
        .union(resources.filter(r -> kept.value().contains(r.path())));
    List<Change> changes = new ArrayList<Change>();
    for (Change change : conversion.changes) {
      if (!paths.contains(change.path())) {
        changes.add(change);
      }
    }
    List<Problem> unloadable = new ArrayList<Problem>(conversion.unloadable);
    unloadable.addAll(problems);
    return new ConversionResult(output, conversion.rewritten.filter(r -> !kept.value().contains(r.path())),
        conversion.versionLabelled.filter(r -> !kept.value().contains(r.path())), conversion.cachedResults,
        conversion.converted, changes, sorted(unloadable), conversion.warnings, conversion.purge,
        conversion.cuboidChecks, null);
  }

  /**
   * The conversion proper: the model groups converted on the executors with the tables broadcast; for 1.4-alpha
   * the rewritten resources replace the ones read, for 1.5 every resource is labelled as well ({@link #labelled});
   * purged cubes' jobs are discarded. {@code facts} are the names read in one pass already, or null to read them here.
   */
  private static ConversionResult convertChecked(JavaSparkContext sc, ConversionBroadcasts broadcasts,
      JavaRDD<Resource> resources, UpgradeOptions options, ResourceFacts facts) {
    JavaRDD<Resource> converted = resources.filter(r -> isConvertedType(r.type()));
    JavaRDD<Resource> passThrough = resources.filter(r -> !isConvertedType(r.type()));
    if (resources.getStorageLevel().equals(StorageLevel.NONE())) {
      converted.persist(StorageLevel.MEMORY_AND_DISK());
    }
    boolean purging = !options.purgeCubes().isEmpty();
    if (purging) {
      requireKnownCubes(facts != null ? facts.cubeNames() : cubeNames(converted), options.purgeCubes());
    }
    Broadcast<TableCatalog> tables = broadcasts.of(facts != null ? UpgradeRules.tables(facts.tables, options.target())
        : tableCatalog(converted, options.target()));
    // no cube desc, no group: nothing to shuffle
    JavaRDD<GroupResult> groups = facts != null && !facts.hasDescs() ? sc.<GroupResult>emptyRDD()
        : facts != null ? convertGroups(sc, broadcasts, converted, tables, options, facts.groupsOfPath())
        : convertGroups(sc, broadcasts, converted, tables, options);
    // cached as objects, one list per partition: Spark estimates the size of that one list (sampling long lists) where
    // it would estimate every group's object graph again and again as the partition grows, and no later stage has to
    // deserialize them
    JavaRDD<List<GroupResult>> cached = groups.glom();
    cached.persist(StorageLevel.MEMORY_AND_DISK());
    JavaRDD<GroupResult> results = cached.flatMap(List::iterator);

    // everything the driver needs of the groups, in one job
    GroupSummary summary = GroupSummary.of(results);
    List<Change> changes = summary.changes;
    List<Problem> unloadable = summary.unloadable;
    List<Problem> warnings = new ArrayList<>(summary.warnings);
    tables.value().problems().forEach(warnings::add);
    JavaRDD<Resource> rewritten = results.flatMap(r -> r.rewritten().iterator());
    Broadcast<PathSet> rewrittenPaths = broadcasts.of(new PathSet(summary.rewrittenPaths));
    // the resources no group rewrote: what the groups rewrote takes the place of the others by path
    JavaRDD<Resource> notRewritten = converted.filter(r -> !rewrittenPaths.value().contains(r.path()));
    if (options.target() == UpgradeTarget.V1_5) {
      return labelled(sc, broadcasts, options, resources, converted, notRewritten, passThrough, rewrittenPaths, cached,
          rewritten, summary, warnings);
    }

    if (!purging) {
      // the resources read, less the rewritten ones, in one task per partition read
      JavaRDD<Resource> kept = resources.filter(r -> !isConvertedType(r.type())
          || !rewrittenPaths.value().contains(r.path()));
      return new ConversionResult(kept.union(rewritten), rewritten, cached, converted, sortedChanges(changes),
          sorted(unloadable), sorted(warnings), PurgeOutcome.NONE);
    }
    JavaRDD<Resource> convertedOut = notRewritten.union(rewritten);
    List<PurgedCube> purged = purgedCubes(summary, options.purgeCubes());
    JobPurgeStep jobs = JobPurgeStep.run(sc, broadcasts, passThrough, options);
    changes = new ArrayList<>(changes);
    changes.addAll(jobs.changes);
    PurgeOutcome purge = purgeOutcome(purged, jobs, convertedOut);
    return new ConversionResult(jobs.output.union(convertedOut), rewritten.union(jobs.rewritten), cached, converted,
        sortedChanges(changes), sorted(unloadable), sorted(warnings), purge);
  }

  private static TableCatalog tableCatalog(JavaRDD<Resource> converted, UpgradeTarget target) {
    return UpgradeRules.tables(converted.filter(r -> r.type().equals(TABLE)).collect(), target);
  }

  /**
   * Each model with its cube descs and their cubes, converted as one group on an executor. {@code groupsOfPath}: the
   * groups each desc, model and cube joins, from the names read before; keyed by path, the resources are shuffled in
   * one pass without reading their JSON again. Models no desc names are not shuffled: they pass through as they are.
   */
  private static JavaRDD<GroupResult> convertGroups(JavaSparkContext sc, ConversionBroadcasts broadcasts,
      JavaRDD<Resource> converted, Broadcast<TableCatalog> tables, UpgradeOptions options, GroupsOfPath groupsOfPath) {
    Broadcast<GroupsOfPath> groups = broadcasts.of(groupsOfPath);
    LongAccumulator convertedCount = sc.sc().longAccumulator(ProgressListener.CONVERTED);
    List<String> groupKeys = groupsOfPath.keys();
    int partitions = SparkFolders.groupPartitions(sc, converted.getNumPartitions(), groupKeys.size());
    // keyed by the group's index and carried as bytes: an Integer and an array per member through the shuffle
    return converted.flatMapToPair(r -> {
      int[] indexes = groups.value().indexesOf(r.path());
      if (indexes.length == 0) {
        return Collections.<Tuple2<Integer, byte[]>>emptyIterator();
      }
      byte[] bytes = ResourceBytes.encode(r);
      List<Tuple2<Integer, byte[]>> keyed = new ArrayList<>(indexes.length);
      for (int index : indexes) {
        keyed.add(new Tuple2<>(index, bytes));
      }
      return keyed.iterator();
    }).partitionBy(new GroupPartitioner(groupsOfPath.partitions(partitions), partitions)).mapPartitions(keyed -> {
      // each partition's groups gathered in the order their first member came, without Spark's spillable map and
      // its size sampling: a partition's group results are cached as one list anyway
      Map<Integer, Members> groupsHere = new java.util.LinkedHashMap<>();
      while (keyed.hasNext()) {
        Tuple2<Integer, byte[]> member = keyed.next();
        groupsHere.computeIfAbsent(member._1(), k -> new Members()).add(ResourceBytes.decode(member._2()));
      }
      List<GroupResult> results = new ArrayList<>(groupsHere.size());
      for (java.util.Iterator<Map.Entry<Integer, Members>> it = groupsHere.entrySet().iterator(); it.hasNext();) {
        Map.Entry<Integer, Members> g = it.next();
        // a converted group's members are garbage at once: a collection in the middle of the partition copies fewer
        it.remove();
        Members m = g.getValue();
        GroupResult result = UpgradeRules.convertGroup(groups.value().key(g.getKey()), m.model, m.descs, m.cubes,
            tables.value(), options);
        convertedCount.add(result.rewritten().size());
        results.add(result);
      }
      return results.iterator();
    });
  }

  /** One model group's members as they arrive: its model (the first, if several), its descs and its cubes. */
  private static final class Members {
    Resource model;
    final List<Resource> descs = new ArrayList<>();
    final List<Resource> cubes = new ArrayList<>();

    void add(Resource member) {
      String type = member.type();
      if (type.equals(CUBE_DESC)) {
        descs.add(member);
      } else if (type.equals(CUBE)) {
        cubes.add(member);
      } else if (model == null) {
        model = member;
      }
    }
  }

  /**
   * {@link #convertGroups(JavaSparkContext, ConversionBroadcasts, JavaRDD, Broadcast, UpgradeOptions, GroupsOfPath)}
   * when a name could not be read before: the names are read here, where an unreadable one fails the conversion with
   * what is wrong with it. Groups without a desc are left out (their models pass through as they are).
   */
  private static JavaRDD<GroupResult> convertGroups(JavaSparkContext sc, ConversionBroadcasts broadcasts,
      JavaRDD<Resource> converted, Broadcast<TableCatalog> tables, UpgradeOptions options) {
    // each desc keyed once by (desc key, model key): reading two names skips the rest of the JSON
    JavaPairRDD<String, Tuple2<String, Resource>> descs = converted.filter(r -> r.type().equals(CUBE_DESC))
        .mapToPair(d -> {
          String[] names = UpgradeRules.namesOfDesc(d);
          return new Tuple2<>(UpgradeRules.groupKey(names[0]), new Tuple2<>(UpgradeRules.groupKey(names[1]), d));
        });
    JavaPairRDD<String, Resource> descsByModel = descs.values().mapToPair(t -> t);
    JavaPairRDD<String, Resource> cubesByModel = cubesByModel(broadcasts, converted, modelsOfDesc(descs));
    JavaPairRDD<String, Resource> modelsByName = converted.filter(r -> r.type().equals(MODEL))
        .keyBy(m -> UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(m)));

    LongAccumulator convertedCount = sc.sc().longAccumulator(ProgressListener.CONVERTED);
    int partitions = SparkFolders.groupPartitions(sc, converted.getNumPartitions(), Long.MAX_VALUE);
    return modelsByName.cogroup(descsByModel, cubesByModel, partitions)
        .filter(g -> g._2()._2().iterator().hasNext())
        .map(g -> {
          GroupResult result = UpgradeRules.convertGroup(g._1(), first(g._2()._1()), list(g._2()._2()),
              list(g._2()._3()), tables.value(), options);
          convertedCount.add(result.rewritten().size());
          return result;
        });
  }

  /** The model keys of each desc key, found on the executors. */
  private static Map<String, List<String>> modelsOfDesc(JavaPairRDD<String, Tuple2<String, Resource>> descs) {
    Map<String, List<String>> modelsOfDesc = new HashMap<>();
    descs.mapValues(Tuple2::_1).distinct().collect()
        .forEach(t -> modelsOfDesc.computeIfAbsent(t._1(), k -> new ArrayList<>()).add(t._2()));
    return modelsOfDesc;
  }

  /**
   * Cubes keyed by the model of their desc. The desc → model keys are names only: they are broadcast, so that cubes
   * (the largest resources) are shuffled once.
   */
  private static JavaPairRDD<String, Resource> cubesByModel(ConversionBroadcasts broadcasts, JavaRDD<Resource> converted,
      Map<String, List<String>> modelsOfDesc) {
    Broadcast<Map<String, List<String>>> modelsOfDescs = broadcasts.of(modelsOfDesc);
    return converted.filter(r -> r.type().equals(CUBE))
        .flatMapToPair(c -> {
          List<String> models = modelsOfDescs.value().getOrDefault(UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c)),
              Collections.<String>emptyList());
          List<Tuple2<String, Resource>> keyed = new ArrayList<>(models.size());
          models.forEach(m -> keyed.add(new Tuple2<>(m, c)));
          return keyed.iterator();
        });
  }

  /** The cubes the groups purged, each one of {@code wanted}. */
  private static List<PurgedCube> purgedCubes(GroupSummary summary, Set<String> wanted) {
    List<PurgedCube> purged = summary.purged;
    CubePurges.requireAllPurged(wanted, purged);
    return purged;
  }

  /**
   * The 1.5 target's output: what the groups rewrote, the resources they keep untouched, and every other resource
   * with Kylin 1.5's version label ({@link VersionRefresh}, a map: nothing else is shuffled).
   */
  private static ConversionResult labelled(JavaSparkContext sc, ConversionBroadcasts broadcasts, UpgradeOptions options,
      JavaRDD<Resource> resources, JavaRDD<Resource> converted, JavaRDD<Resource> notRewritten,
      JavaRDD<Resource> passThrough, Broadcast<PathSet> rewrittenPaths, JavaRDD<?> cachedResults, JavaRDD<Resource> rewritten,
      GroupSummary summary, List<Problem> warnings) {
    final long timestamp = options.runTimestamp();
    Broadcast<PathSet> untouched = broadcasts.of(new PathSet(summary.untouched));
    LongAccumulator labelledInOutput = sc.sc().longAccumulator("version labelled in the output");
    if (options.purgeCubes().isEmpty()) {
      // each partition read gives its labelled resources in one task (not one for the converted kinds, one for the
      // others)
      JavaRDD<Resource> readOut = resources.flatMap(r -> {
        Resource out = labelledRead(r, rewrittenPaths.value(), untouched.value(), timestamp);
        return out == null ? Collections.<Resource>emptyIterator()
            : Collections.singletonList(counted(r, out, labelledInOutput)).iterator();
      });
      JavaRDD<Resource> versionLabelled = resources.flatMap(r -> {
        Resource out = labelledRead(r, rewrittenPaths.value(), untouched.value(), timestamp);
        return out == null ? Collections.<Resource>emptyIterator() : changedOnly(r, out);
      });
      return new ConversionResult(readOut.union(rewritten), rewritten.union(versionLabelled), versionLabelled,
          cachedResults, converted, sortedChanges(summary.changes), sorted(summary.unloadable), sorted(warnings),
          PurgeOutcome.NONE, summary.cuboidChecks, labelledInOutput);
    }
    JavaRDD<Resource> convertedOut = notRewritten
        .map(r -> counted(r, labelledUnlessUntouched(r, untouched.value(), timestamp), labelledInOutput))
        .union(rewritten);
    JavaRDD<Resource> convertedLabelled = notRewritten
        .flatMap(r -> changedOnly(r, labelledUnlessUntouched(r, untouched.value(), timestamp)));
    List<Change> allChanges = new ArrayList<Change>(summary.changes);
    List<PurgedCube> purged = purgedCubes(summary, options.purgeCubes());
    JobPurgeStep jobs = JobPurgeStep.run(sc, broadcasts, passThrough, options);
    allChanges.addAll(jobs.changes);
    PurgeOutcome purge = purgeOutcome(purged, jobs, convertedOut);
    JavaRDD<Resource> othersOut = jobs.output.map(r -> counted(r, VersionRefresh.refresh(r, timestamp),
        labelledInOutput));
    JavaRDD<Resource> othersLabelled = jobs.output.flatMap(r -> changedOnly(r, VersionRefresh.refresh(r, timestamp)));
    JavaRDD<Resource> versionLabelled = convertedLabelled.union(othersLabelled);
    return new ConversionResult(othersOut.union(convertedOut), rewritten.union(jobs.rewritten).union(versionLabelled),
        versionLabelled, cachedResults, converted, sortedChanges(allChanges), sorted(summary.unloadable),
        sorted(warnings), purge, summary.cuboidChecks, labelledInOutput);
  }

  /**
   * A resource read as the 1.5 output holds it: labelled, or as it was when its group left it untouched; null when
   * its group rewrote it (the rewritten one takes its place).
   */
  private static Resource labelledRead(Resource r, PathSet rewrittenPaths, PathSet untouched, long timestamp) {
    if (!isConvertedType(r.type())) {
      return VersionRefresh.refresh(r, timestamp);
    }
    return rewrittenPaths.contains(r.path()) ? null : labelledUnlessUntouched(r, untouched, timestamp);
  }

  /** {@code after}, counted in {@code labelled} when it is another resource than {@code before}. */
  private static Resource counted(Resource before, Resource after, LongAccumulator labelled) {
    if (after != before) {
      labelled.add(1);
    }
    return after;
  }

  private static Resource labelledUnlessUntouched(Resource resource, PathSet untouched, long timestamp) {
    return untouched.contains(resource.path()) ? resource : VersionRefresh.refresh(resource, timestamp);
  }

  /** {@code after} alone when it is another resource than {@code before}, else nothing. */
  private static java.util.Iterator<Resource> changedOnly(Resource before, Resource after) {
    List<Resource> out = new ArrayList<Resource>(1);
    if (after != before) {
      out.add(after);
    }
    return out.iterator();
  }

  private static List<String> cubeNames(JavaRDD<Resource> converted) {
    return converted.filter(r -> r.type().equals(CUBE)).map(UpgradePipeline::cubeName).collect();
  }

  private static void requireKnownCubes(List<String> cubeNames, Set<String> wanted) {
    Set<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    known.addAll(cubeNames);
    for (String cube : wanted) {
      if (!known.contains(cube)) {
        throw new BadInputException("unknown cube '" + cube + "' in --purge-cubes; check the name");
      }
    }
  }

  static String cubeName(Resource cube) {
    try {
      String name = UpgradeRules.nameOfCube(cube);
      return name != null ? name : ResourcePaths.entityName(cube.path());
    } catch (BadInputException e) {
      return ResourcePaths.entityName(cube.path());
    }
  }

  /**
   * The purge's outcome; which segment HTables a remaining cube still refers to is found on the executors, the rest
   * is {@link CubePurges}' to decide.
   */
  private static PurgeOutcome purgeOutcome(List<PurgedCube> purged, JobPurgeStep jobs, JavaRDD<Resource> convertedOut) {
    Set<String> dropped = CubePurges.segmentTablesDropped(purged);
    Set<String> stillReferenced = new HashSet<>();
    if (!dropped.isEmpty()) {
      stillReferenced.addAll(convertedOut.filter(r -> r.type().equals(CUBE))
          .flatMap(c -> CubePurges.segmentTablesOf(c).iterator())
          .filter(dropped::contains)
          .distinct().collect());
    }
    return new PurgeOutcome(CubePurges.byPath(purged), CubePurges.byId(jobs.discarded),
        CubePurges.unusedTables(dropped, stillReferenced), CubePurges.tablesStillUsed(stillReferenced));
  }

  private static <T> T first(Iterable<T> items) {
    java.util.Iterator<T> it = items.iterator();
    return it.hasNext() ? it.next() : null;
  }

  /** The items in a list (a group of a {@code cogroup}, for one). */
  static <T> List<T> list(Iterable<T> items) {
    List<T> out = new ArrayList<>();
    items.forEach(out::add);
    return out;
  }

  private static List<Change> sortedChanges(List<Change> changes) {
    List<Change> copy = new ArrayList<>(changes);
    copy.sort(java.util.Comparator.comparing(Change::path));
    return copy;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> copy = new ArrayList<>(problems);
    copy.sort(java.util.Comparator.comparing(Problem::path).thenComparing(Problem::reason));
    return copy;
  }

  /**
   * Counts per resource type, computed on the executors: each partition counts its own and the driver adds them up,
   * one stage where {@code countByValue} shuffles into a second.
   */
  public static Map<String, Long> countByType(JavaRDD<Resource> resources) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    resources.mapPartitions(UpgradePipeline::typeCounts).collect()
        .forEach(partition -> partition.forEach((type, n) -> counts.merge(type, n, Long::sum)));
    return counts;
  }

  private static java.util.Iterator<HashMap<String, Long>> typeCounts(java.util.Iterator<Resource> resources) {
    HashMap<String, Long> counts = new HashMap<>();
    while (resources.hasNext()) {
      counts.merge(resources.next().type(), 1L, Long::sum);
    }
    return Collections.singletonList(counts).iterator();
  }
}
