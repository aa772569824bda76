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

  /** Runs merge-conf with standard output and error captured; returns both, the exit code first. */
  private String[] runCaptured(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.ISO_8859_1));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.ISO_8859_1));
      code = run(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    return new String[] {Integer.toString(code), stdout.toString(StandardCharsets.ISO_8859_1),
        stderr.toString(StandardCharsets.ISO_8859_1) + errBytes};
  }

  @Test
  void aPasswordReachesTheMergedFileOnlyNeverTheTerminalOrTheReport() throws IOException {
    String text = Files.readString(Path.of(OPERATOR), StandardCharsets.ISO_8859_1)
        .replace("kylin.job.remote.cli.password=\n", "kylin.job.remote.cli.password=Rem0te-Pw\n")
        .replace("mail.password=\n", "mail.password=Ma1l-Pw\n");
    Path operator = tmp.resolve("operator.properties");
    Files.writeString(operator, text + "kylin.upgrade.api.token=Tok-777\n", StandardCharsets.ISO_8859_1);
    Path out = tmp.resolve("kylin.properties");
    Path report = tmp.resolve("report.json");
    String[] withOut = runCaptured("--old", operator.toString(), "--new", V2_TEMPLATE, "--old-template", V1_TEMPLATE,
        "--out", out.toString(), "--report", report.toString());
    assertEquals("0", withOut[0], withOut[2]);
    String merged = Files.readString(out, StandardCharsets.ISO_8859_1);
    String json = Files.readString(report, StandardCharsets.ISO_8859_1);
    String[] toStdout = runCaptured("--old", operator.toString(), "--new", V2_TEMPLATE, "--old-template", V1_TEMPLATE);
    assertEquals("0", toStdout[0], toStdout[2]);
    for (String secret : new String[] {"Rem0te-Pw", "Ma1l-Pw", "Tok-777"}) {
      assertTrue(merged.contains(secret), "the merged file is the operator's config: " + secret);
      assertTrue(toStdout[1].contains(secret), "the merged file on standard output, as asked: " + secret);
      for (String shown : new String[] {withOut[1], withOut[2], json, toStdout[2]}) {
        assertFalse(shown.contains(secret), secret + " shown in: " + shown);
      }
    }
    assertTrue(withOut[1].contains("carried    kylin.job.remote.cli.password=******"), withOut[1]);
    assertTrue(toStdout[2].contains("unknown    kylin.upgrade.api.token=******"), toStdout[2]);
    assertTrue(json.contains("\"value\" : \"******\""), json);
  }

  @Test
  void aBadlyEscapedOrBinaryFileIsBadInputNamingTheFileAndTheLine() throws IOException {
    Path escaped = tmp.resolve("escaped.properties");
    Files.writeString(escaped, "# header\nkylin.owner=me\nkylin.path=C:\\users\\kylin\n", StandardCharsets.ISO_8859_1);
    Path out = tmp.resolve("kylin.properties");
    assertEquals(ExitCodes.BAD_INPUT, run("--old", escaped.toString(), "--new", V2_TEMPLATE, "--out", out.toString()));
    String err = errBytes.toString();
    assertTrue(err.contains("--old " + escaped + ", line 3: Malformed \\uxxxx encoding."), err);
    assertFalse(err.contains("Exception"), err);

    errBytes.reset();
    Path binary = tmp.resolve("kylin.properties.gz");
    Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, '\\', 'u', 'z'});
    assertEquals(ExitCodes.BAD_INPUT, run("--old", OPERATOR, "--new", binary.toString(), "--out", out.toString()));
    assertTrue(errBytes.toString().contains("--new " + binary + ", line 1: byte 0x1f at column 1: not a text .properties file"),
        errBytes.toString());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void outNamingAFolderIsBadInputWithAPlainMessage() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("conf"));
    assertEquals(ExitCodes.BAD_INPUT, run("--old", OPERATOR, "--new", V2_TEMPLATE, "--out", folder.toString()));
    String err = errBytes.toString();
    assertTrue(err.contains("merge-conf: bad input: --out " + folder + " is a folder: name the file to write"), err);
    assertFalse(err.contains("Exception"), err);
    try (var files = Files.list(folder)) {
      assertEquals(0, files.count(), "nothing written into the folder");
    }
  }
}
