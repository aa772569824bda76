package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.TestData;
import picocli.CommandLine;

/** {@code merge-conf} as the operator runs it: the merged file, the report, the exit codes. */
class MergeConfJobTest {
  private static final Path CONF = TestData.repo().resolve("testdata").resolve("conf");
  private static final String OPERATOR = CONF.resolve("kylin-1.3.0-sandbox-operator.properties").toString();
  private static final String V2_TEMPLATE = CONF.resolve("kylin-1.4-alpha-template.properties").toString();
  private static final String V1_TEMPLATE = CONF.resolve("kylin-1.3.0-template.properties").toString();

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

  private int run(String... args) {
    CommandLine cli = JobCommandLine.create(new MergeConfJob());
    cli.setErr(new PrintWriter(errBytes, true));
    return cli.execute(args);
  }

  @Test
  void writesTheMergedFileAndTheReport() throws IOException {
    Path out = tmp.resolve("kylin.properties");
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.OK, run("--old", OPERATOR, "--new", V2_TEMPLATE, "--old-template", V1_TEMPLATE,
        "--out", out.toString(), "--report", report.toString()), errBytes.toString());
    assertEquals(Files.readString(CONF.resolve("kylin-1.4-alpha-merged-sandbox-operator.properties"),
        StandardCharsets.ISO_8859_1), Files.readString(out, StandardCharsets.ISO_8859_1));
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertEquals("kylin.hbase.default.compression.codec", json.get("carried").get(0).get("key").asText());
    assertEquals(11, json.get("newInV2").size());
    assertEquals(9, json.get("unknownToV2").size());
    try (var files = Files.list(tmp)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void withoutOutTheMergedFileGoesToStandardOutputAndTheReportElsewhere() throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.ISO_8859_1));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.ISO_8859_1));
      code = run("--old", OPERATOR, "--new", V2_TEMPLATE);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    assertEquals(ExitCodes.OK, code, errBytes.toString());
    String merged = stdout.toString(StandardCharsets.ISO_8859_1);
    assertTrue(merged.startsWith("#\n# Licensed to the Apache Software Foundation"), merged);
    assertTrue(merged.contains("\nkylin.hbase.region.cut.small=10\n"), merged);
    assertFalse(merged.contains("carried"), merged);
    assertTrue(stderr.toString(StandardCharsets.ISO_8859_1).contains("differs from the v2 default"), stderr.toString());
  }

  @Test
  void aMissingFileIsBadInputAndNothingIsWritten() {
    Path out = tmp.resolve("kylin.properties");
    assertEquals(ExitCodes.BAD_INPUT, run("--old", tmp.resolve("missing.properties").toString(), "--new", V2_TEMPLATE,
        "--out", out.toString()));
    assertTrue(errBytes.toString().contains("missing.properties"), errBytes.toString());
    assertEquals(ExitCodes.BAD_INPUT, run("--old", OPERATOR, "--new", V2_TEMPLATE, "--old-template",
        tmp.resolve("nope").toString(), "--out", out.toString()));
    assertEquals(ExitCodes.BAD_INPUT, run("--old", OPERATOR, "--new", V2_TEMPLATE,
        "--out", tmp.resolve("no/such/dir/kylin.properties").toString()));
    assertFalse(Files.exists(out));
    assertEquals(ExitCodes.BAD_INPUT, run("--old", OPERATOR));
  }
}
