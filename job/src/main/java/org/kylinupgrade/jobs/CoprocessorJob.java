package org.kylinupgrade.jobs;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.kylinupgrade.coprocessor.CoprocessorEntry;
import org.kylinupgrade.coprocessor.CubeTables;
import org.kylinupgrade.coprocessor.DeployReport;
import org.kylinupgrade.coprocessor.KylinCoprocessors.Target;
import org.kylinupgrade.coprocessor.Progress;
import org.kylinupgrade.coprocessor.Realization;
import org.kylinupgrade.coprocessor.TableOutcome;
import org.kylinupgrade.hbase.CoprocessorJarCheck;
import org.kylinupgrade.hbase.CoprocessorJars;
import org.kylinupgrade.hbase.CoprocessorTables;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.HBaseRdds;
import org.kylinupgrade.hbase.HBaseStore;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.pipeline.PoolDeployment;
import org.kylinupgrade.pipeline.SparkContexts;
import org.kylinupgrade.pipeline.SparkDeployment;
import org.kylinupgrade.report.Console;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Redeploys Kylin's coprocessor on the cube HTables named by the metadata (Kylin's DeployCoprocessorCLI), in
 * parallel and idempotently: tables that already carry the wanted set are skipped, so a re-run only touches what
 * is still wrong.
 */
@Command(name = "coprocessor", mixinStandardHelpOptions = true,
    description = {"Redeploy Kylin's coprocessor on the cube HTables: the tables of READY cube segments (and of "
        + "inverted indexes) named by the metadata.",
        "Each table that does not already carry exactly the --target release's set from this jar is disabled, loses "
            + "every Kylin coprocessor (the names of all three releases; others stay), gets the set, and is enabled "
            + "again (also when a step fails). Kylin 1.5 has no inverted indexes: with --target 1.5 their tables are "
            + "left as they are.",
        "Exit codes: 0 done; 1 failed before any table changed (or cluster unreachable); 2 bad usage or input, "
            + "nothing changed; 4 some tables failed (the report names them; a re-run retries only what is still wrong)."})
public final class CoprocessorJob implements Callable<Integer> {
  static final int DEFAULT_PARALLELISM = 8;
  /** Failure point for the tests: the jar is in place, no table changed yet. */
  static final String JAR_DEPLOYED = "coprocessor:jar-deployed";

  @Mixin
  ClusterOptions cluster;

  @Option(names = "--jar", paramLabel = "JAR", required = true,
      description = "the coprocessor jar (local file), uploaded to <working dir>/<prefix>/coprocessor unless an equal copy is there")
  String jar;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selection selection;

  @Option(names = "--target", paramLabel = "1.5|1.4-alpha|1.3", defaultValue = "1.5", converter = TargetConverter.class,
      description = "the Kylin release whose class set is deployed: 1.5 (default: the cube endpoint and observer), "
          + "1.4-alpha (also the inverted-index endpoint; v2 is accepted for it) or 1.3 (for a rollback; v1 is "
          + "accepted for it)")
  Target target;

  @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + DEFAULT_PARALLELISM,
      description = "at most N tables are changed at once (default: ${DEFAULT-VALUE})")
  int parallelism;

  @Option(names = "--dry-run", description = "change nothing; list what would change on each table")
  boolean dryRun;

  @Option(names = "--runner", paramLabel = "auto|pool|spark", defaultValue = "auto",
      description = "where the tables are changed: a thread pool in this process (pool), a Spark job (spark), "
          + "or pool for a local master and spark otherwise (auto, default)")
  Runner runner;

  /** Which tables: exactly one of these. */
  static final class Selection {
    @Option(names = "--all", required = true, description = "every table of a READY segment")
    boolean all;

    @Option(names = "--tables", split = ",", paramLabel = "TABLE", required = true, description = "these HTables")
    List<String> tables;

    @Option(names = "--cubes", split = ",", paramLabel = "CUBE", required = true, description = "the tables of these cubes")
    List<String> cubes;

    @Option(names = "--projects", split = ",", paramLabel = "PROJECT", required = true,
        description = "the tables of these projects' cubes")
    List<String> projects;
  }

  enum Runner {
    AUTO, POOL, SPARK
  }

  /** {@code --target}: a release or an older alias; anything else is bad usage naming the accepted values. */
  static final class TargetConverter implements ITypeConverter<Target> {
    @Override
    public Target convert(String value) {
      try {
        return Target.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown Kylin release '" + value + "'; accepted: " + Target.accepted());
      }
    }
  }

  public static void main(String[] args) {
    JobCommandLine.main(new CoprocessorJob(), args);
  }

  @Override
  public Integer call() throws Exception {
    Console console = cluster.console();
    if (parallelism < 1) {
      throw new BadInputException("--parallelism must be at least 1, not " + parallelism);
    }
    File localJar = new File(jar).getAbsoluteFile();
    CoprocessorJarCheck.requireCoprocessors(localJar, "--jar", target.classNames());
    boolean useSpark = useSpark();
    DeployReport report = new DeployReport(target.label(), localJar.toString(), dryRun,
        parallelism, useSpark ? "spark" : "pool");
    try (HBaseCluster hbase = cluster.connect();
        SparkContexts spark = useSpark ? SparkContexts.open("kylin-upgrade coprocessor", cluster.master()) : null) {
      List<String> tables = select(new CubeTables(readRealizations(hbase, spark), target));
      if (tables.isEmpty()) {
        console.outcome("coprocessor: the selection names no table of a READY segment; nothing to do");
        report.outcomes(java.util.Collections.<TableOutcome>emptyList()).outcome("nothing to do", ExitCodes.OK).writeTo(cluster.reportFile());
        return ExitCodes.OK;
      }
      Map<String, List<CoprocessorEntry>> current = CoprocessorTables.coprocessorsOf(hbase, tables);
      CoprocessorJars.Deployed deployed = deployJar(hbase, localJar, current);
      report.deployedJar(deployed.path(), deployed.reused());
      org.kylinupgrade.journal.FailurePoints.reached(JAR_DEPLOYED);
      console.infof("coprocessor: Kylin %s's set, %s jar %s (%s)", target.label(), dryRun ? "would use" : "using",
          deployed.path(), deployed.reused() ? "an equal copy was already there" : dryRun ? "would be uploaded" : "uploaded");

      List<String> present = tables.stream().filter(current::containsKey).collect(java.util.stream.Collectors.toList());
      List<CoprocessorEntry> wanted = target.entries(deployed.path());
      Progress progress = new Progress(console.progress(), present.size(), 2000);
      List<TableOutcome> changed = present.isEmpty() ? java.util.Collections.<TableOutcome>emptyList()
          : useSpark ? SparkDeployment.run(spark.context(), hbase, present, wanted, dryRun, parallelism, progress)
          : PoolDeployment.run(hbase, present, wanted, dryRun, parallelism, progress);
      List<TableOutcome> outcomes = inTableOrder(tables, current, changed);
      return finish(console, outcomes, report);
    }
  }

  private boolean useSpark() {
    if (runner != Runner.AUTO) {
      return runner == Runner.SPARK;
    }
    String master = new SparkConf().get("spark.master", cluster.master());
    return !master.startsWith("local");
  }

  private List<Realization> readRealizations(HBaseCluster hbase, SparkContexts spark) throws IOException {
    if (spark != null) {
      hbase.openStore(cluster.metadataUrl()).close();
      return HBaseRdds.readUnder(spark.context(), hbase, cluster.metadataUrl(), Realization.FOLDERS)
          .flatMap(r -> Realization.of(r).map(java.util.Collections::singletonList)
              .orElse(java.util.Collections.<Realization>emptyList()).iterator()).collect();
    }
    List<Realization> realizations = new ArrayList<>();
    try (HBaseStore store = hbase.openStore(cluster.metadataUrl())) {
      for (String folder : Realization.FOLDERS) {
        store.forEachUnder(folder, r -> Realization.of(r).ifPresent(realizations::add));
      }
    }
    return realizations;
  }

  private List<String> select(CubeTables cubeTables) {
    if (selection.all) {
      return cubeTables.all();
    }
    if (selection.tables != null) {
      return cubeTables.tables(selection.tables);
    }
    if (selection.cubes != null) {
      return cubeTables.cubes(selection.cubes);
    }
    return cubeTables.projects(selection.projects);
  }

  /** Uploads (or finds) the jar and checks the copy the tables will reference, before any table is touched. */
  private CoprocessorJars.Deployed deployJar(HBaseCluster hbase, File localJar, Map<String, List<CoprocessorEntry>> current)
      throws IOException {
    Set<String> jarsInUse = new LinkedHashSet<>();
    current.values().forEach(entries -> entries.forEach(e -> jarsInUse.add(e.jarPath())));
    try (FileSystem fs = hbase.workingFileSystem()) {
      CoprocessorJars jars = new CoprocessorJars(fs, hbase.workingDir(), cluster.metadataUrl());
      if (dryRun) {
        return jars.plan(localJar, jarsInUse);
      }
      CoprocessorJars.Deployed deployed = jars.upload(localJar, jarsInUse);
      File copy = jars.download(deployed.path());
      try {
        CoprocessorJarCheck.requireCoprocessors(copy, "the uploaded jar " + deployed.path() + ", read back as", target.classNames());
      } finally {
        copy.delete();
      }
      return deployed;
    }
  }

  private static List<TableOutcome> inTableOrder(List<String> tables, Map<String, List<CoprocessorEntry>> current,
      List<TableOutcome> changed) {
    Map<String, TableOutcome> byTable = new java.util.HashMap<>();
    changed.forEach(o -> byTable.put(o.table(), o));
    List<TableOutcome> outcomes = new ArrayList<>();
    for (String table : tables) {
      outcomes.add(current.containsKey(table) ? byTable.get(table) : TableOutcome.missing(table));
    }
    return outcomes;
  }

  /** "removed 2, added 3, enabled": the report has the classes. */
  private static String summary(List<String> changes) {
    long removed = changes.stream().filter(c -> c.startsWith("remove ")).count();
    long added = changes.stream().filter(c -> c.startsWith("add ")).count();
    List<String> parts = new ArrayList<>();
    if (removed > 0) {
      parts.add("removed " + removed + " Kylin coprocessor" + (removed > 1 ? "s" : ""));
    }
    if (added > 0) {
      parts.add("added " + added);
    }
    if (changes.stream().anyMatch(c -> c.startsWith("enable"))) {
      parts.add("enabled");
    }
    return String.join(", ", parts);
  }

  private int finish(Console console, List<TableOutcome> outcomes, DeployReport report) throws IOException {
    org.kylinupgrade.report.Summary changed = new org.kylinupgrade.report.Summary("tables");
    for (TableOutcome o : outcomes) {
      switch (o.status()) {
        case CHANGED:
          changed.add("changed", "  changed: " + o.table() + " (" + summary(o.changes()) + ")");
          break;
        case WOULD_CHANGE:
          List<String> lines = new java.util.ArrayList<String>();
          lines.add("  would change: " + o.table());
          o.changes().forEach(c -> lines.add("      " + c));
          changed.add("would change", lines);
          break;
        case FAILED:
          console.warn("  FAILED " + o.error() + (o.enabledAfter() ? " (the table is enabled)" : ""));
          break;
        case MISSING:
          console.warn("  missing: " + o.error());
          break;
        case SKIPPED:
          console.detail("  already right: " + o.table());
          break;
        default:
          break;
      }
    }
    changed.printInfo(console, org.kylinupgrade.report.ConversionFindings.where(cluster.reportFile(), null));
    Map<TableOutcome.Status, Integer> counts = DeployReport.countByStatus(outcomes);
    int failed = counts.get(TableOutcome.Status.FAILED);
    int exit = failed > 0 ? ExitCodes.PROBLEMS : ExitCodes.OK;
    console.outcomef("coprocessor: %d tables: %d %s, %d skipped (already right), %d failed, %d missing in HBase%s",
        outcomes.size(), dryRun ? counts.get(TableOutcome.Status.WOULD_CHANGE) : counts.get(TableOutcome.Status.CHANGED),
        dryRun ? "would change" : "changed", counts.get(TableOutcome.Status.SKIPPED), failed,
        counts.get(TableOutcome.Status.MISSING), dryRun ? " (dry run: nothing changed)" : "");
    if (failed > 0) {
      console.warn("coprocessor: re-run the same command to retry the failed tables"
          + (cluster.reportFile() == null ? "" : "; they are listed in " + cluster.reportFile()));
    }
    report.outcomes(outcomes)
        .outcome(failed > 0 ? "some tables failed" : dryRun ? "dry run" : "done", exit).writeTo(cluster.reportFile());
    return exit;
  }
}
