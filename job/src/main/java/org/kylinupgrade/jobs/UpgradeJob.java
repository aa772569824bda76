package org.kylinupgrade.jobs;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.metadata.FolderStore;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.pipeline.Phase;
import org.kylinupgrade.pipeline.Scope;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkFolders;
import org.kylinupgrade.pipeline.UpgradePipeline;
import org.kylinupgrade.pipeline.UpgradeReport;
import org.kylinupgrade.report.Console;
import org.kylinupgrade.report.ConversionFindings;
import org.kylinupgrade.report.Summary;
import org.kylinupgrade.rules.Change;
import org.kylinupgrade.rules.PurgeRequest;
import org.kylinupgrade.rules.UpgradeOptions;
import org.kylinupgrade.rules.UpgradeTarget;
import org.kylinupgrade.rules.v15.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import scala.Tuple2;

/**
 * The v1 upgrade. Offline form: a metadata folder in, an upgraded folder out (to Kylin 1.5's format by default, or
 * 1.4-alpha's), written only when the whole conversion succeeded (and, without --keep-unloadable, when the target
 * Kylin can load every cube desc).
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Upgrade Kylin v1.x metadata with Kylin's own rules, corrected where Kylin is wrong.",
        "Live (default): Kylin 1.4-alpha's rules (cube descs and models are rewritten); the metadata table is "
            + "snapshotted, converted into a staging table, verified and swapped in atomically; resume / rollback "
            + "finish or undo a run that stopped.",
        "Offline: --from-folder IN --to-folder OUT (local paths or Hadoop FS URIs; OUT must not exist or be empty), "
            + "to the format of --to: 1.5 (default; Kylin 1.5.4.1's upgrade: descs converted to the 1.5 format, every "
            + "JSON resource labelled version 1.5.1) or 1.4-alpha."})
public final class UpgradeJob implements Callable<Integer> {
  @Mixin
  ClusterOptions cluster;

  @Option(names = "--from-folder", paramLabel = "IN", description = "a v1 metadata folder")
  String fromFolder;

  @Option(names = "--to-folder", paramLabel = "OUT", description = "where the upgraded folder goes; must not exist or be empty")
  String toFolder;

  @Option(names = "--to", paramLabel = "RELEASE",
      description = "the Kylin release whose metadata format the offline upgrade writes: 1.5 (default) or 1.4-alpha")
  String to;

  @Option(names = "--models", split = ",", paramLabel = "A,B", description = "only the cube descs of these models")
  List<String> models = java.util.Collections.emptyList();

  @Option(names = "--cubes", split = ",", paramLabel = "A,B", description = "only the cube descs these cubes use")
  List<String> cubes = java.util.Collections.emptyList();

  @Option(names = "--projects", split = ",", paramLabel = "A,B", description = "only the cube descs of these projects' cubes")
  List<String> projects = java.util.Collections.emptyList();

  @Option(names = "--purge-cubes", split = ",", paramLabel = "A,B",
      description = "purge these cubes first, as Kylin's purge does (segments removed, status DISABLED, unfinished "
          + "build jobs discarded), so that their descs move to engine/storage 2 when no other cube using them has "
          + "segments; the segment HTables are listed, never dropped")
  List<String> purgeCubes = java.util.Collections.emptyList();

  @Mixin
  MaxCombinationOption maxCombination = new MaxCombinationOption();

  @Option(names = "--dry-run", description = "write nothing; print what would change, with a diff")
  boolean dryRun;

  @Option(names = "--keep-unloadable",
      description = "leave cube descs Kylin v2.0 cannot load untouched and report them (exit 4); without it the run stops before writing (exit 2)")
  boolean keepUnloadable;

  public static void main(String[] args) {
    JobCommandLine.main(new UpgradeJob(), args);
  }

  /** {@code --to}, or the default; bad input naming the accepted values when it names no release. */
  static UpgradeTarget target(String value) {
    if (value == null) {
      return UpgradeTarget.DEFAULT;
    }
    try {
      return UpgradeTarget.parse(value);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--to " + value + ": unknown Kylin release; accepted: " + UpgradeTarget.accepted());
    }
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    if (fromFolder == null) {
      if (toFolder != null) {
        throw new BadInputException("--to-folder goes with --from-folder (the offline upgrade)");
      }
      return live(console);
    }
    UpgradeTarget target = target(to);
    int limit = maxCombination.forTarget(target);
    if (toFolder == null && !dryRun) {
      throw new BadInputException("--to-folder OUT is required with --from-folder (or pass --dry-run)");
    }
    Configuration conf = new Configuration();
    MetadataFolders.requireMetadataFolder(fromFolder, conf, "--from-folder");
    if (!dryRun) {
      checkTarget(conf);
    }
    long runTimestamp = System.currentTimeMillis();
    UpgradeReport report = new UpgradeReport("upgrade", fromFolder, toFolder, runTimestamp, dryRun)
        .upgradeTarget(target);
    try (SparkContexts spark = SparkContexts.open("kylin-upgrade upgrade", cluster.master())) {
      JavaSparkContext sc = spark.context();
      JavaRDD<Resource> resources;
      Map<String, Long> counts;
      UpgradePipeline.Scan scan;
      try (Phase.Running phase = Phase.READ_FOLDER.start(sc, console)) {
        resources = SparkFolders.read(sc, fromFolder, conf).cache();
        // the pass that reads the folder into the cache reads what the conversion checks first too
        scan = UpgradePipeline.scan(resources, target);
        counts = scan.countsByType();
      }
      UpgradePipeline.ConversionResult conversion;
      try (Phase.Running phase = Phase.CONVERT.start(sc, console)) {
        UpgradeOptions options = UpgradeOptions.of(runTimestamp, target)
            .withDescsInScope(Scope.descsInScope(resources, models, cubes, projects))
            .withPurgeCubes(PurgeRequest.cubeNames(purgeCubes)).withMaxCombination(limit);
        conversion = UpgradePipeline.convert(sc, resources, options, scan);
      }
      report.counts(counts).conversion(conversion.changes, conversion.unloadable, conversion.warnings)
          .purge(conversion.purge);
      console.detail("resources by type: " + counts);
      ConversionFindings.print(console, conversion, target.release(), ConversionFindings.where(cluster.reportFile(), null));
      if (target == UpgradeTarget.V1_5) {
        report.cuboidChecks(conversion.cuboidChecks, limit);
        console.info(cuboidCheckLine(conversion.cuboidChecks, limit));
      }

      if (!conversion.unloadable.isEmpty() && !keepUnloadable) {
        console.outcome("stopped before writing: " + target.release() + " cannot load the resources above; fix them, "
            + "or pass --keep-unloadable to leave them untouched"
            + (target == UpgradeTarget.V1_4_ALPHA ? " as Kylin's own upgrader does" : ""));
        report.outcome("refused: unloadable", ExitCodes.BAD_INPUT).writeTo(cluster.reportFile());
        return ExitCodes.BAD_INPUT;
      }
      int exit = conversion.unloadable.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
      if (dryRun) {
        long labelled;
        try (Phase.Running phase = Phase.DIFF.start(sc, console)) {
          printDiffs(console, conversion, resources);
          labelled = versionLabelled(conversion, target, report);
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        console.outcomef("dry run: %d of %d resources would change%s; nothing written",
            conversion.changes.size() + labelled, total,
            labelled == 0 ? "" : " (" + labelled + " of them only get the version label " + Versions.UPGRADED + ")");
        report.outcome("dry run", exit).writeTo(cluster.reportFile());
        return exit;
      }
      long written;
      long labelled;
      try (Phase.Running phase = Phase.WRITE_FOLDER.start(sc, console)) {
        written = write(conversion.output, conf);
        // the write computed the output once and counted the labelled resources on the way
        java.util.OptionalLong counted = conversion.labelledInOutput();
        if (counted.isPresent()) {
          labelled = counted.getAsLong();
          report.versionLabelled(labelled);
        } else {
          labelled = versionLabelled(conversion, target, report);
        }
      }
      console.outcomef("upgraded %s into %s: %d resources written, %d rewritten%s%s", fromFolder, toFolder, written,
          conversion.changes.size(), labelledOnly(labelled),
          conversion.changes.isEmpty() && labelled == 0
              ? " (already " + (target == UpgradeTarget.V1_5 ? "1.5" : "v2") + ": nothing to change)" : "");
      report.outcome(exit == ExitCodes.OK ? "done" : "done with unloadable resources kept", exit)
          .writeTo(cluster.reportFile());
      conversion.release();
      return exit;
    }
  }

  /** One line on the cuboid check of the conversion to 1.5. */
  static String cuboidCheckLine(org.kylinupgrade.rules.CuboidCheckCounts counts, int maxCombination) {
    return "cuboid check: " + counts.checked() + " cube desc(s) checked against the cuboids Kylin 1.3.0 builds: "
        + counts.keptByKylinRule() + " kept by Kylin's rule, " + counts.ownGroups() + " written with aggregation "
        + "groups that keep the v1 cuboid set, " + counts.refused() + " refused (cuboid set or rowkey order would "
        + "change, or not expressible), " + counts.tooLarge() + " too large to check (refused); aggregation groups of "
        + "at most " + maxCombination + " combinations";
  }

  /** For 1.5, counts the resources that only get the version label, into the report too; 0 for 1.4-alpha. */
  private static long versionLabelled(UpgradePipeline.ConversionResult conversion, UpgradeTarget target,
      UpgradeReport report) {
    if (target != UpgradeTarget.V1_5) {
      return 0;
    }
    long count = conversion.versionLabelled.count();
    report.versionLabelled(count);
    return count;
  }

  private static String labelledOnly(long labelled) {
    return labelled == 0 ? "" : ", " + labelled + " more only labelled version " + Versions.UPGRADED;
  }

  private int live(Console console) throws Exception {
    UpgradeTarget target = target(to);
    LiveUpgrade.Request request = new LiveUpgrade.Request(models, cubes, projects, purgeCubes, keepUnloadable, dryRun,
        cluster.reportFile(), target, maxCombination.forTarget(target));
    try (SparkContexts.Opening starting = SparkContexts.openBeside("kylin-upgrade upgrade", cluster.master());
        HBaseCluster hbase = cluster.connect()) {
      return new LiveUpgrade(hbase, starting::context, cluster.metadataUrl(), request, console).run();
    }
  }

  private void checkTarget(Configuration conf) throws IOException {
    MetadataFolders.requireOutsideOf(toFolder, "--to-folder", fromFolder, "--from-folder", conf);
    MetadataFolders.requireCreatableFolder(toFolder, conf, "--to-folder");
    try (FolderStore out = new FolderStore(toFolder, conf)) {
      if (out.exists() && !out.isEmpty()) {
        throw new BadInputException("--to-folder " + toFolder + " is not empty; name a new or empty folder");
      }
    }
  }

  private long write(JavaRDD<Resource> output, Configuration conf) throws IOException {
    try (FolderStore out = new FolderStore(toFolder, conf)) {
      boolean created = !out.exists();
      out.createEmpty();
      boolean done = false;
      try {
        long n = SparkFolders.write(output, toFolder, conf);
        done = true;
        return n;
      } finally {
        if (!done) {
          if (created) {
            out.delete();
          } else {
            out.clear();
          }
        }
      }
    }
  }

  /**
   * A diff per resource a rule changed, the first {@link Summary#SHOWN} of them unless {@code --verbose} (only those
   * are computed); the resources that only get Kylin 1.5's version label are only counted.
   */
  private static void printDiffs(Console console, UpgradePipeline.ConversionResult conversion, JavaRDD<Resource> resources) {
    boolean all = console.level() == Console.Level.VERBOSE;
    java.util.Set<String> changed = new java.util.HashSet<String>();
    for (Change change : conversion.changes) {
      if (all || changed.size() < Summary.SHOWN) {
        changed.add(change.path());
      }
    }
    List<Tuple2<Resource, Resource>> pairs = resources.keyBy(Resource::path)
        .join(conversion.rewritten.filter(r -> changed.contains(r.path())).keyBy(Resource::path)).values().collect();
    pairs.stream().sorted(java.util.Comparator.comparing(t -> t._1().path()))
        .forEach(t -> console.info(UpgradeReport.diff(t._1().path(), t._1().text(), t._2().text())));
    int more = conversion.changes.size() - changed.size();
    if (more > 0) {
      console.info("... " + more + " more diffs (--verbose prints them all)");
    }
  }
}
