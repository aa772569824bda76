package org.kylinupgrade.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark harness's entry point; {@code bench/run.sh} runs it with the bench module's classpath.
 *
 * <pre>
 * UpgradeBench linear   [--sizes 0,1600,16000] [--repeats 3] [--projects 1]
 * UpgradeBench overhead [--descs 1600] [--resources 100000] [--rounds 3] [--projects 1]
 * UpgradeBench generate --to DIR [--descs 1600] [--resources 0] [--projects 1] [--segments 0]
 * UpgradeBench live     [--measures independence,copy,sequential,swap,heap,rollback] [--rows 1000000]
 *                       [--metadata 50000] [--sequential-metadata 200000] [--swap-rows 1000] [--heap-rows 10000]
 *                       [--heap-metadata 5000] [--rollback-rows 1000] [--segments 12] [--repeats 1] [--heap 2g]
 *                       [--port 21850] [--keep-hbase false] [--upgrade-to RELEASE (the upgrade's --to)]
 * common: [--home PROJECT_ROOT (default: .)] [--work DIR (default: bench/target/work)]
 *         [--cli SCRIPT (default: scripts/kylin-upgrade; bench/run.sh passes its copy of the build)]
 * </pre>
 */
public final class UpgradeBench {
  private static final String USAGE = String.join("\n",
      "usage: UpgradeBench linear   [--sizes 0,1600,16000] [--repeats 3] [--projects 1]",
      "       UpgradeBench overhead [--descs 1600] [--resources 100000] [--rounds 3] [--projects 1]",
      "       UpgradeBench generate --to DIR [--descs 1600] [--resources 0] [--projects 1] [--segments 0]",
      "       UpgradeBench live     [--measures independence,copy,sequential,swap,heap,rollback] [--rows 1000000]",
      "                             [--metadata 50000] [--sequential-metadata 200000] [--swap-rows 1000]",
      "                             [--heap-rows 10000] [--heap-metadata 5000] [--rollback-rows 1000] [--segments 12]",
      "                             [--repeats 1] [--heap 2g] [--port 21850] [--keep-hbase false]",
      "                             [--upgrade-to RELEASE (the upgrade command's --to; default: its default)]",
      "       common: [--home PROJECT_ROOT (default .)] [--work DIR (default bench/target/work)]",
      "               [--cli the kylin-upgrade script linear times (default scripts/kylin-upgrade)]");

  private static final List<String> LOCATION_FLAGS = List.of("--home", "--work", "--cli");

  private UpgradeBench() {
  }

  /** How the run was asked for, as {@code bench/run.sh} takes it (the locations it adds itself left out). */
  private static String commandLine(String[] args) {
    StringBuilder line = new StringBuilder("bench/run.sh");
    for (int i = 0; i < args.length; i++) {
      if (LOCATION_FLAGS.contains(args[i])) {
        i++;
      } else {
        line.append(' ').append(args[i]);
      }
    }
    return line.toString();
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || Arrays.asList(args).contains("--help")) {
      System.out.println(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    Flags flags = new Flags(rest);
    Path home = flags.path("home", ".");
    Path work = flags.path("work", home.resolve("bench/target/work").toString());
    Path cli = flags.path("cli", home.resolve("scripts/kylin-upgrade").toString());
    switch (args[0]) {
      case "linear" -> {
        int projects = flags.number("projects", 1);
        List<Integer> sizes = flags.numbers("sizes", "0,1600,16000");
        int repeats = flags.number("repeats", 3);
        flags.requireAllUsed();
        new LinearBench(home, work, cli).run(sizes, projects, repeats);
      }
      case "overhead" -> {
        int projects = flags.number("projects", 1);
        int descs = flags.number("descs", 1600);
        int resources = flags.number("resources", 100_000);
        int rounds = flags.number("rounds", 3);
        flags.requireAllUsed();
        new OverheadBench(home, work).run(descs, projects, resources, rounds);
      }
      case "generate" -> {
        String to = flags.text("to", null);
        if (to == null) {
          throw new IllegalArgumentException("generate needs --to DIR\n" + USAGE);
        }
        SyntheticV1Metadata.Shape shape = new SyntheticV1Metadata.Shape(flags.number("descs", 1600),
            flags.number("projects", 1), flags.number("resources", 0), flags.number("segments", 0));
        flags.requireAllUsed();
        Path target = Path.of(to).toAbsolutePath();
        if (java.nio.file.Files.exists(target) && Folders.countFiles(target) > 0) {
          throw new IllegalArgumentException(target + " already holds files; name a new or empty folder");
        }
        System.out.println(target + ": " + new SyntheticV1Metadata(home).write(target, shape));
      }
      case "live" -> {
        List<String> measures = List.of(flags.text("measures", String.join(",", LiveBench.MEASURES)).split(","));
        LiveSizes sizes = new LiveSizes(flags.number("rows", 1_000_000), flags.number("metadata", 50_000),
            flags.number("sequential-metadata", 200_000), flags.number("swap-rows", 1_000),
            flags.number("heap-rows", 10_000), flags.number("heap-metadata", 5_000), flags.number("rollback-rows", 1_000),
            flags.number("segments", 12));
        int repeats = flags.number("repeats", 1);
        String heap = flags.text("heap", "2g");
        int port = flags.number("port", 21850);
        boolean keepHBase = Boolean.parseBoolean(flags.text("keep-hbase", "false"));
        String upgradeTo = flags.text("upgrade-to", null);
        flags.requireAllUsed();
        new LiveBench(home, work, cli, sizes, heap, upgradeTo).run(measures, repeats, port, keepHBase, commandLine(args));
      }
      default -> {
        System.err.println("unknown subcommand '" + args[0] + "'\n" + USAGE);
        System.exit(2);
      }
    }
  }
}
