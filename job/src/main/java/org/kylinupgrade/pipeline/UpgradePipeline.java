package org.kylinupgrade.pipeline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.GroupResult;
import org.kylinupgrade.rules.Problem;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeRules;
import scala.Tuple2;

/**
 * The v1 → v2 conversion as a Spark pipeline over an RDD of resources. Cube descs, models and cubes are
 * grouped by model with {@code cogroup}; table descs are broadcast; every other resource passes through
 * without being shuffled. Only the change report, the problems and counts reach the driver.
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
  public static final class Conversion {
    public final JavaRDD<Resource> output;
    public final JavaRDD<Resource> rewritten;
    public final List<Change> changes;
    public final List<Problem> unloadable;
    public final List<Problem> warnings;
    private final JavaRDD<GroupResult> results;

    Conversion(JavaRDD<Resource> output, JavaRDD<Resource> rewritten, JavaRDD<GroupResult> results,
        List<Change> changes, List<Problem> unloadable, List<Problem> warnings) {
      this.output = output;
      this.rewritten = rewritten;
      this.results = results;
      this.changes = changes;
      this.unloadable = unloadable;
      this.warnings = warnings;
    }

    /** Frees the cached group results. */
    public void release() {
      results.unpersist(false);
    }
  }

  static boolean isConvertedType(String type) {
    return type.equals(CUBE) || type.equals(CUBE_DESC) || type.equals(MODEL) || type.equals(TABLE);
  }

  public static Conversion convert(JavaSparkContext sc, JavaRDD<Resource> resources, UpgradeOptions options) {
    JavaRDD<Resource> converted = resources.filter(r -> isConvertedType(r.type()));
    JavaRDD<Resource> passThrough = resources.filter(r -> !isConvertedType(r.type()));
    converted.persist(StorageLevel.MEMORY_AND_DISK());

    List<Resource> tableResources = converted.filter(r -> r.type().equals(TABLE)).collect();
    Broadcast<TableCatalog> tables = sc.broadcast(UpgradeRules.tables(tableResources));

    JavaPairRDD<String, Resource> descsByName = converted.filter(r -> r.type().equals(CUBE_DESC))
        .keyBy(d -> UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(d)));
    JavaPairRDD<String, Resource> descsByModel = descsByName.values()
        .keyBy(d -> UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(d)));
    JavaPairRDD<String, String> modelOfDesc = descsByName.mapValues(d -> UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(d)))
        .distinct();
    JavaPairRDD<String, Resource> cubesByModel = converted.filter(r -> r.type().equals(CUBE))
        .keyBy(c -> UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c)))
        .join(modelOfDesc)
        .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
    JavaPairRDD<String, Resource> modelsByName = converted.filter(r -> r.type().equals(MODEL))
        .keyBy(m -> UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(m)));

    LongAccumulator convertedCount = sc.sc().longAccumulator(ProgressListener.CONVERTED);
    JavaRDD<GroupResult> results = modelsByName.cogroup(descsByModel, cubesByModel)
        .filter(g -> g._2()._2().iterator().hasNext())
        .map(g -> {
          GroupResult result = UpgradeRules.convertGroup(g._1(), first(g._2()._1()), list(g._2()._2()),
              list(g._2()._3()), tables.value(), options);
          convertedCount.add(result.rewritten().size());
          return result;
        });
    results.persist(StorageLevel.MEMORY_AND_DISK());

    List<Change> changes = results.flatMap(r -> r.changes().iterator()).collect();
    List<Problem> unloadable = results.flatMap(r -> r.unloadable().iterator()).collect();
    List<Problem> warnings = new ArrayList<>(results.flatMap(r -> r.warnings().iterator()).collect());
    tables.value().problems().forEach(warnings::add);

    JavaRDD<Resource> rewritten = results.flatMap(r -> r.rewritten().iterator());
    JavaPairRDD<String, Resource> rewrittenByPath = rewritten.keyBy(Resource::path);
    JavaRDD<Resource> convertedOut = converted.keyBy(Resource::path)
        .leftOuterJoin(rewrittenByPath)
        .map(t -> t._2()._2().orElse(t._2()._1()));
    JavaRDD<Resource> output = passThrough.union(convertedOut);
    return new Conversion(output, rewritten, results, sortedChanges(changes), sorted(unloadable), sorted(warnings));
  }

  private static <T> T first(Iterable<T> items) {
    java.util.Iterator<T> it = items.iterator();
    return it.hasNext() ? it.next() : null;
  }

  private static <T> List<T> list(Iterable<T> items) {
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

  /** Counts per resource type, computed on the executors. */
  public static Map<String, Long> countByType(JavaRDD<Resource> resources) {
    return new java.util.TreeMap<>(resources.map(Resource::type).countByValue());
  }
}
