package org.kylinupgrade.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.kylinupgrade.jobs.ExitCodes;
import org.kylinupgrade.jobs.JobCommandLine;
import picocli.CommandLine;

class MainTest {
  private final CommandLine cli = JobCommandLine.create(new Main());

  @Test
  void globalOptionsBeforeTheCommandMoveAfterIt() {
    assertArrayEquals(new String[] {"load", "--zookeeper", "h:1", "--metadata-url=m@hbase", "--from-folder", "x"},
        Main.globalOptionsAfterCommand(cli, new String[] {"--zookeeper", "h:1", "--metadata-url=m@hbase", "load", "--from-folder", "x"}));
  }

  @Test
  void argumentsAlreadyInOrderStayAsTheyAre() {
    String[] args = {"info", "--zookeeper", "h:1"};
    assertArrayEquals(args, Main.globalOptionsAfterCommand(cli, args));
    String[] help = {"--help"};
    assertArrayEquals(help, Main.globalOptionsAfterCommand(cli, help));
  }

  @Test
  void exitCodesOfTheContract() {
    assertEquals(ExitCodes.OK, Main.run("--version"));
    assertEquals(ExitCodes.OK, Main.run("--help"));
    assertEquals(ExitCodes.OK, Main.run("load", "--help"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("no-such-command"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("load"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("--zookeeper", "not-a-host-port", "info"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("info", "--from-folder", "/no/such/folder"));
    assertEquals(ExitCodes.OK, Main.run("validate", "--help"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("validate", "--from-folder", "/no/such/folder"));
    assertEquals(ExitCodes.OK, Main.run("hybrid", "--help"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("hybrid", "--project", "p"));
    assertEquals(ExitCodes.OK, Main.run("merge-conf", "--help"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("merge-conf", "--old", "/no/such/file", "--new", "/no/such/template"));
  }

  @Test
  void coprocessorUsageIsCheckedBeforeTheClusterIsContacted() {
    assertEquals(ExitCodes.OK, Main.run("coprocessor", "--help"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("coprocessor", "--jar", "x.jar"), "no selection");
    assertEquals(ExitCodes.BAD_INPUT, Main.run("coprocessor", "--jar", "x.jar", "--all", "--cubes", "a"), "two selections");
    assertEquals(ExitCodes.BAD_INPUT, Main.run("coprocessor", "--jar", "x.jar", "--all", "--target", "v3"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("coprocessor", "--jar", "x.jar", "--all", "--target", "1.6"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("--zookeeper", "127.0.0.1:1", "coprocessor", "--jar", "/no/such.jar", "--all"));
    assertEquals(ExitCodes.BAD_INPUT, Main.run("coprocessor", "--jar", "x.jar", "--all", "--parallelism", "0"));
  }
}
