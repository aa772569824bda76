package org.kylinupgrade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed cost of the upgrade command against the floor of any local Spark command, in one run, interleaved:
 * <ul>
 *   <li>floor: {@link EmptyCountJob} in a fresh JVM with the flags the start script gives (its JIT tier, its heap, the
 *   JDK options file, the log configuration, the same class path), without the class-data sharing archive;</li>
 *   <li>t0: {@code kylin-upgrade upgrade --from-folder E --to-folder OUT}, E a v1 folder with the sample's 3 tables
 *   and 1 project (the linear benchmark's size 0);</li>
 *   <li>t1600: the same on 1,600 cube descs, {@code --to 1.5} and {@code --to 1.4-alpha};</li>
 *   <li>the floor of t1600 {@code --to 1.5}: {@link FloorCommand} in a fresh JVM with the floor's flags and a
 *   class-data sharing archive of its own (made in the warm-up, as the start script's): Spark's start, then the same
 *   work on plain threads;</li>
 *   <li>diagnostic: the floor again, with a class-data sharing archive of its own.</li>
 * </ul>
 * Each round runs every command once in that order; the first round is a warm-up; medians of the rest.
 *
 * <p>Usage: {@code FixedCostBench --home REPO --cli SCRIPT --dist DIST [--repeats 5] [--descs 1600] [--skip-1600]}
 */
public final class FixedCostBench {
  /** Stands for the floor command's class-data sharing option, which differs between the warm-up and the rounds. */
  private static final String FLOOR_ARCHIVE = "FLOOR_ARCHIVE";

  private FixedCostBench() {
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--skip-1600")) {
        flags.put("skip-1600", "true");
      } else {
        flags.put(args[i].substring(2), args[++i]);
      }
    }
    Path home = Path.of(flags.get("home"));
    Path cli = Path.of(flags.get("cli"));
    Path dist = Path.of(flags.get("dist"));
    int repeats = Integer.parseInt(flags.getOrDefault("repeats", "5"));
    int descs = Integer.parseInt(flags.getOrDefault("descs", "1600"));
    boolean with1600 = !flags.containsKey("skip-1600");
    Path work = home.resolve("bench/target/work");
    Files.createDirectories(work.resolve("logs"));
    BenchInputs inputs = new BenchInputs(home, work);
    Path empty = inputs.ensure("linear-0", new SyntheticV1Metadata.Shape(0, 1, 0));
    Path big = with1600 ? inputs.ensure("linear-" + descs, new SyntheticV1Metadata.Shape(descs, 1, 0)) : null;
    // the commands name this folder; each run writes into a new one instead
    Path out = work.resolve("fixed-cost-out");
    RunFolders outs = new RunFolders(work, "fixed-cost-out");
    // the start script's class-data sharing archive: made after the first run (the warm-up), used by the rounds
    Path cds = work.resolve("cds");
    Files.createDirectories(cds);
    Path floorArchives = work.resolve("cds-floor");
    Files.createDirectories(floorArchives);

    List<String> floorCommand = List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-Xmx2g",
        "@" + dist.resolve("conf/jdk17.options"),
        "-Dlog4j2.configurationFile=" + dist.resolve("conf/log4j2.properties"),
        "-cp", dist.resolve("lib") + "/*", EmptyCountJob.class.getName());
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("floor: fresh JVM, local[*], count of an empty RDD", floorCommand);
    commands.put("t0: upgrade of an empty folder (3 tables, 1 project), --to 1.5", upgrade(cli, empty, out, "1.5"));
    List<String> withoutCds = new ArrayList<>(List.of("env", "KYLIN_UPGRADE_CDS=0"));
    withoutCds.addAll(upgrade(cli, empty, out, "1.5"));
    commands.put("t0 without the class-data sharing archive (KYLIN_UPGRADE_CDS=0), diagnostic", withoutCds);
    if (with1600) {
      commands.put("t" + descs + ": upgrade of " + descs + " cube descs, --to 1.5", upgrade(cli, big, out, "1.5"));
      commands.put("t" + descs + ": upgrade of " + descs + " cube descs, --to 1.4-alpha",
          upgrade(cli, big, out, "1.4-alpha"));
      commands.put("floor of t" + descs + " --to 1.5: Spark's start, then the folder read, the same rules and the "
          + "folder write on plain threads, one per core (fresh JVM, a class-data archive of its own)",
          withOwnArchive(floorCommand, FloorCommand.class.getName(), big.toString(), out.toString(), "1.5"));
    }
    commands.put("floor with a class-data archive of its own (made in the warm-up), diagnostic",
        withOwnArchive(floorCommand, EmptyCountJob.class.getName()));
    Map<String, Samples> samples = new LinkedHashMap<>();
    commands.keySet().forEach(k -> samples.put(k, new Samples()));
    String loadBefore = Machine.loadAverage();
    for (int round = 0; round <= repeats; round++) {
      StringBuilder line = new StringBuilder(round == 0 ? "warm-up:" : "round " + round + ":");
      int i = 0;
      for (Map.Entry<String, List<String>> e : commands.entrySet()) {
        Path runOut = outs.next();
        Path log = work.resolve("logs/fixed-cost-" + i + "-run" + round + ".log");
        Path archive = floorArchives.resolve("command-" + i + ".jsa");
        // the floor's archive is made at exit in the warm-up and used after
        List<String> command = replacing(replacing(e.getValue(), out.toString(), runOut.toString()), FLOOR_ARCHIVE,
            (round == 0 ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
        long nanos = run(command, log, cds);
        i++;
        if (round > 0) {
          samples.get(e.getKey()).add(nanos);
        }
        line.append(String.format(" %.2f s", nanos / 1e9));
      }
      System.out.println(line + "; load " + Machine.loadAverage());
      if (round == 0) {
        StartArchive.waitFor(cds);
      }
    }
    outs.deleteAll();
    System.out.printf("%nfixed cost: fresh JVM each run, %d cores, median of %d rounds after a warm-up; load average "
        + "%s before, %s after%n", Machine.cores(), repeats, loadBefore, Machine.loadAverage());
    System.out.println("| measure | runs (s) | median (s) |");
    System.out.println("|---|---|---:|");
    List<Double> medians = new ArrayList<>();
    samples.forEach((k, s) -> {
      System.out.printf("| %s | %s | %.2f |%n", k, s.all(), s.median());
      medians.add(s.median());
    });
    double floorWithItsArchive = medians.get(medians.size() - 1);
    System.out.printf("t0 / floor = %.2f (target <= 1.3); without the archive %.2f; t0 / the floor with an archive of "
        + "its own (%.2f s) = %.2f%n", medians.get(1) / medians.get(0), medians.get(2) / medians.get(0),
        floorWithItsArchive, medians.get(1) / floorWithItsArchive);
    if (with1600) {
      System.out.printf("t%d --to 1.5 = %.2f s, --to 1.4-alpha = %.2f s (target ~7 s); over the floor: %.2f, %.2f%n",
          descs, medians.get(3), medians.get(4), medians.get(3) / medians.get(0), medians.get(4) / medians.get(0));
      System.out.printf("t%d --to 1.5 / its floor (%.2f s) = %.2f%n", descs, medians.get(5),
          medians.get(3) / medians.get(5));
    }
  }

  /** {@code command} with every argument equal to {@code placeholder} replaced by {@code value}. */
  private static List<String> replacing(List<String> command, String placeholder, String value) {
    List<String> out = new ArrayList<>(command.size());
    for (String arg : command) {
      out.add(arg.equals(placeholder) ? value : arg);
    }
    return out;
  }

  /** The floor's JVM with a class-data archive of its own ({@link #FLOOR_ARCHIVE}), running {@code mainAndArgs}. */
  private static List<String> withOwnArchive(List<String> floorCommand, String... mainAndArgs) {
    List<String> command = new ArrayList<>(floorCommand.subList(0, floorCommand.size() - 1));
    command.addAll(List.of(FLOOR_ARCHIVE, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    command.addAll(List.of(mainAndArgs));
    return command;
  }

  private static List<String> upgrade(Path cli, Path in, Path out, String target) {
    return List.of(cli.toString(), "upgrade", "--from-folder", in.toString(), "--to-folder", out.toString(),
        "--to", target);
  }

  private static String javaCommand() {
    String javaHome = System.getenv("JAVA_HOME");
    return javaHome == null ? "java" : javaHome + "/bin/java";
  }

  private static long run(List<String> command, Path log, Path cds) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("KYLIN_UPGRADE_CDS_DIR", cds.toString());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long nanos = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + "; see " + log);
    }
    return nanos;
  }
}
