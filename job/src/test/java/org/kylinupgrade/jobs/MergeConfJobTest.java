package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.TestData;

/** {@code merge-conf} as the operator runs it: the merged file, the report, the exit codes. */
class MergeConfJobTest {
  private static final Path CONF = TestData.repo().resolve("testdata").resolve("conf");
  private static final String OPERATOR = CONF.resolve("kylin-1.3.0-sandbox-operator.properties").toString();
  private static final String V2_TEMPLATE = CONF.resolve("kylin-1.4-alpha-template.properties").toString();
  private static final String V1_TEMPLATE = CONF.resolve("kylin-1.3.0-template.properties").toString();

  @TempDir
  Path tmp;

  private final JobRunner offline = JobRunner.offline();

  @Test
  void writesTheMergedFileAndTheReport() throws IOException {
    Path out = tmp.resolve("kylin.properties");
    Path report = tmp.resolve("report.json");
    assertEquals(ExitCodes.OK, offline.run(new MergeConfJob(), "--old", OPERATOR, "--new", V2_TEMPLATE,
        "--old-template", V1_TEMPLATE,
        "--out", out.toString(), "--report", report.toString()), offline.err());
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
    JobRunner.Outcome o = offline.execute(new MergeConfJob(), "--old", OPERATOR, "--new", V2_TEMPLATE);
    assertEquals(ExitCodes.OK, o.exit(), o.err());
    String merged = o.out();
    assertTrue(merged.startsWith("#\n# Licensed to the Apache Software Foundation"), merged);
    assertTrue(merged.contains("\nkylin.hbase.region.cut.small=10\n"), merged);
    assertFalse(merged.contains("carried"), merged);
    assertTrue(o.stderr().contains("differs from the v2 default"), o.stderr());
  }

  @Test
  void aMissingFileIsBadInputAndNothingIsWritten() {
    Path out = tmp.resolve("kylin.properties");
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new MergeConfJob(), "--old",
        tmp.resolve("missing.properties").toString(), "--new", V2_TEMPLATE,
        "--out", out.toString()));
    assertTrue(offline.err().contains("missing.properties"), offline.err());
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new MergeConfJob(), "--old", OPERATOR, "--new", V2_TEMPLATE,
        "--old-template",
        tmp.resolve("nope").toString(), "--out", out.toString()));
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new MergeConfJob(), "--old", OPERATOR, "--new", V2_TEMPLATE,
        "--out", tmp.resolve("no/such/dir/kylin.properties").toString()));
    assertFalse(Files.exists(out));
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new MergeConfJob(), "--old", OPERATOR));
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
    JobRunner.Outcome withOut = offline.execute(new MergeConfJob(), "--old", operator.toString(), "--new", V2_TEMPLATE,
        "--old-template", V1_TEMPLATE,
        "--out", out.toString(), "--report", report.toString());
    assertEquals(ExitCodes.OK, withOut.exit(), withOut.err());
    String merged = Files.readString(out, StandardCharsets.ISO_8859_1);
    String json = Files.readString(report, StandardCharsets.ISO_8859_1);
    JobRunner.Outcome toStdout = offline.execute(new MergeConfJob(), "--old", operator.toString(), "--new",
        V2_TEMPLATE, "--old-template", V1_TEMPLATE);
    assertEquals(ExitCodes.OK, toStdout.exit(), toStdout.err());
    for (String secret : new String[] {"Rem0te-Pw", "Ma1l-Pw", "Tok-777"}) {
      assertTrue(merged.contains(secret), "the merged file is the operator's config: " + secret);
      assertTrue(toStdout.out().contains(secret), "the merged file on standard output, as asked: " + secret);
      for (String shown : new String[] {withOut.out(), (withOut.stderr() + withOut.err()), json,
          (toStdout.stderr() + toStdout.err())}) {
        assertFalse(shown.contains(secret), secret + " shown in: " + shown);
      }
    }
    assertTrue(withOut.out().contains("carried    kylin.job.remote.cli.password=******"), withOut.out());
    assertTrue((toStdout.stderr() + toStdout.err()).contains("unknown    kylin.upgrade.api.token=******"),
        (toStdout.stderr() + toStdout.err()));
    assertTrue(json.contains("\"value\" : \"******\""), json);
  }

  @Test
  void aBadlyEscapedOrBinaryFileIsBadInputNamingTheFileAndTheLine() throws IOException {
    Path escaped = tmp.resolve("escaped.properties");
    Files.writeString(escaped, "# header\nkylin.owner=me\nkylin.path=C:\\users\\kylin\n", StandardCharsets.ISO_8859_1);
    Path out = tmp.resolve("kylin.properties");
    JobRunner.Outcome escapedRun = offline.execute(new MergeConfJob(), "--old", escaped.toString(), "--new",
        V2_TEMPLATE,
        "--out", out.toString());
    assertEquals(ExitCodes.BAD_INPUT, escapedRun.exit());
    String err = escapedRun.err();
    assertTrue(err.contains("--old " + escaped + ", line 3: Malformed \\uxxxx encoding."), err);
    assertFalse(err.contains("Exception"), err);

    Path binary = tmp.resolve("kylin.properties.gz");
    Files.write(binary, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, '\\', 'u', 'z'});
    JobRunner.Outcome binaryRun = offline.execute(new MergeConfJob(), "--old", OPERATOR, "--new", binary.toString(),
        "--out", out.toString());
    assertEquals(ExitCodes.BAD_INPUT, binaryRun.exit());
    assertTrue(binaryRun.err().contains("--new " + binary + ", line 1: byte 0x1f at column 1: not a text .properties file"),
        binaryRun.err());
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void outNamingAFolderIsBadInputWithAPlainMessage() throws IOException {
    Path folder = Files.createDirectory(tmp.resolve("conf"));
    assertEquals(ExitCodes.BAD_INPUT, offline.run(new MergeConfJob(), "--old", OPERATOR, "--new", V2_TEMPLATE, "--out",
        folder.toString()));
    String err = offline.err();
    assertTrue(err.contains("merge-conf: bad input: --out " + folder + " is a folder: name the file to write"), err);
    assertFalse(err.contains("Exception"), err);
    try (var files = Files.list(folder)) {
      assertEquals(0, files.count(), "nothing written into the folder");
    }
  }
}
