package org.kylinupgrade.pipeline;

import static org.kylinupgrade.pipeline.UpgradePipeline.list;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.TableCatalog;
import org.kylinupgrade.rules.UpgradeRules;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.validate.EntityName;
import org.kylinupgrade.validate.Finding;
import org.kylinupgrade.validate.MetadataChecks;
import org.kylinupgrade.validate.NameIndex;
import scala.Tuple2;

/**
 * {@code validate} as a Spark pipeline: cube descs, models and cubes are grouped by model with {@code cogroup},
 * as the upgrade groups them; the table catalog and the set of existing names are broadcast. Only names and
 * findings reach the driver. For the 1.5 target, every resource's version label is checked too; only their count and
 * a few paths reach the driver.
 */
public final class ValidationPipeline {
  private ValidationPipeline() {
  }

  /**
   * Every finding against the loading rules of {@code target}'s Kylin, sorted by path; for 1.5, with its {@code
   * kylin.cube.aggrgroup.max.combination} at {@code maxCombination}.
   */
  public static List<Finding> validate(JavaSparkContext sc, JavaRDD<Resource> resources, UpgradeTarget target,
      int maxCombination) {
    JavaRDD<Resource> checked = resources.filter(MetadataChecks::isChecked).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<Finding> findings = new ArrayList<>(checked.flatMap(r -> MetadataChecks.syntax(r).iterator()).collect());
      JavaRDD<Resource> json = checked.filter(MetadataChecks::isJsonObject);

      List<EntityName> names = checked.map(MetadataChecks::name).collect();
      findings.addAll(MetadataChecks.duplicates(names, target));
      TableCatalog catalog = UpgradeRules.tables(json.filter(r -> r.type().equals(UpgradePipeline.TABLE)).collect(),
          target);
      findings.addAll(MetadataChecks.tables(catalog));
      Broadcast<TableCatalog> tables = sc.broadcast(catalog);
      Broadcast<NameIndex> index = sc.broadcast(MetadataChecks.index(names));

      JavaPairRDD<String, Resource> descsByName = json.filter(r -> r.type().equals(UpgradePipeline.CUBE_DESC))
          .keyBy(d -> UpgradeRules.groupKey(UpgradeRules.descNameOfDesc(d)));
      JavaPairRDD<String, Resource> descsByModel = descsByName.values()
          .keyBy(d -> UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(d)));
      JavaPairRDD<String, String> modelOfDesc = descsByName
          .mapValues(d -> UpgradeRules.groupKey(UpgradeRules.modelNameOfDesc(d))).distinct();
      JavaPairRDD<String, Resource> cubesByModel = json.filter(r -> r.type().equals(UpgradePipeline.CUBE))
          .keyBy(c -> UpgradeRules.groupKey(UpgradeRules.descNameOfCube(c)))
          .join(modelOfDesc)
          .mapToPair(t -> new Tuple2<>(t._2()._2(), t._2()._1()));
      JavaPairRDD<String, Resource> modelsByName = json.filter(r -> r.type().equals(UpgradePipeline.MODEL))
          .keyBy(m -> UpgradeRules.groupKey(UpgradeRules.modelNameOfModel(m)));

      int partitions = SparkFolders.groupPartitions(sc, json.getNumPartitions(), Long.MAX_VALUE);
      findings.addAll(modelsByName.cogroup(descsByModel, cubesByModel, partitions)
          .flatMap(g -> MetadataChecks.group(firstByPath(g._2()._1()), list(g._2()._2()), list(g._2()._3()),
              tables.value(), index.value(), target, maxCombination).iterator())
          .collect());
      findings.addAll(json.flatMap(r -> MetadataChecks.references(r, index.value(), target).iterator()).collect());
      if (target == UpgradeTarget.V1_5) {
        findings.addAll(versionLabels(resources));
      }
      Collections.sort(findings);
      return findings;
    } finally {
      checked.unpersist(false);
    }
  }

  /** The one finding about version labels: every resource is looked at, its count and the first paths collected. */
  private static List<Finding> versionLabels(JavaRDD<Resource> resources) {
    JavaRDD<String> unlabelled = resources.map(MetadataChecks::versionLabelProblem).filter(p -> p != null)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return MetadataChecks.versionLabels(unlabelled.count(),
          unlabelled.takeOrdered(MetadataChecks.VERSION_LABEL_EXAMPLES));
    } finally {
      unlabelled.unpersist(false);
    }
  }

  /** Of several models with one name, v2 keeps one; the others are not checked against the descs. */
  private static Resource firstByPath(Iterable<Resource> models) {
    return list(models).stream().min(Comparator.comparing(Resource::path)).orElse(null);
  }
}
