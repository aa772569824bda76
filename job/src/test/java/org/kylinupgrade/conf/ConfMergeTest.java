package org.kylinupgrade.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.TestData;

/** merge-conf on the shared files (against a hand-checked merged file) and on small cases. */
class ConfMergeTest {
  private static final Path CONF = TestData.repo().resolve("testdata").resolve("conf");

  private static PropertiesFile read(String name) throws IOException {
    return PropertiesFile.parse(Files.readString(CONF.resolve(name), StandardCharsets.ISO_8859_1));
  }

  private static MergeResult mergeShared(boolean withV1Template) throws IOException {
    return ConfMerge.merge(read("kylin-1.3.0-sandbox-operator.properties"), read("kylin-1.4-alpha-template.properties"),
        withV1Template ? read("kylin-1.3.0-template.properties") : null);
  }

  private static List<String> keys(List<MergeReport.Setting> settings) {
    return settings.stream().map(MergeReport.Setting::key).toList();
  }

  @Test
  void theSandboxOperatorsFileGivesTheHandCheckedMergedFile() throws IOException {
    MergeResult merged = mergeShared(true);
    assertEquals(Files.readString(CONF.resolve("kylin-1.4-alpha-merged-sandbox-operator.properties"),
        StandardCharsets.ISO_8859_1), merged.text());
    MergeReport report = merged.report();
    assertEquals(List.of(new MergeReport.Carried("kylin.hbase.default.compression.codec", "gzip", "snappy", "snappy")),
        report.carried());
    assertEquals(List.of("kylin.owner", "kylin.job.cubing.inMem", "kylin.job.cubing.inMem.sampling.percent",
        "kylin.security.profile", "saml.metadata.file", "saml.metadata.entityBaseURL", "saml.context.scheme",
        "saml.context.serverName", "saml.context.serverPort", "saml.context.contextPath", "kylin.web.streaming.guide"),
        keys(report.newInV2()));
    assertEquals(new MergeReport.Setting("kylin.owner", "whoami@kylin.apache.org"), report.newInV2().get(0));
    assertEquals(List.of(
        new MergeReport.Unknown("kylin.rest.timezone", "GMT-8", true),
        new MergeReport.Unknown("kylin.hive.beeline.params", "-n root --hiveconf hive.security.authorization.sqlstd"
            + ".confwhitelist.append='mapreduce.job.*|dfs.*' -u 'jdbc:hive2://localhost:10000'", false),
        new MergeReport.Unknown("kylin.hbase.region.count.min", "1", true),
        new MergeReport.Unknown("kylin.hbase.region.count.max", "500", true),
        new MergeReport.Unknown("kylin.route.hive.enabled", "false", false),
        new MergeReport.Unknown("kylin.web.hive.limit", "20", true),
        new MergeReport.Unknown("kylin.monitor.hive.jdbc.connection.url", "jdbc:hive2://sandbox:10000", true),
        new MergeReport.Unknown("kylin.monitor.ext.log.base.dir", "/tmp/kylin_log1,/tmp/kylin_log2", true),
        new MergeReport.Unknown("kylin.monitor.query.log.parse.result.table", "kylin_query_log", true)),
        report.unknownToV2());
    assertEquals(List.of("kylin.hbase.cluster.fs", "kylin.job.status.with.kerberos"), keys(report.notSetByOperator()));
    assertTrue(report.defaultChanges().contains(new MergeReport.DefaultChange("kylin.hbase.region.cut.small", "10", "5")));
  }

  @Test
  void withoutTheV1TemplateEveryOperatorValueIsCarriedAndThoseDifferingFromV2Flagged() throws IOException {
    MergeResult merged = mergeShared(false);
    List<MergeReport.Carried> carried = merged.report().carried();
    List<String> flagged = carried.stream().filter(MergeReport.Carried::differsFromV2Default)
        .map(MergeReport.Carried::key).toList();
    assertEquals(List.of("kylin.hbase.default.compression.codec", "kylin.hbase.region.cut.small",
        "kylin.hbase.region.cut.medium", "kylin.hbase.region.cut.large", "acl.defaultRole", "acl.adminRole",
        "ldap.server", "ldap.service.searchBase"), flagged);
    assertTrue(carried.contains(new MergeReport.Carried("kylin.rest.servers", "localhost:7070", null, "localhost:7070")));
    assertTrue(merged.text().contains("\nkylin.hbase.region.cut.small=10\n"), merged.text());
    assertTrue(merged.text().contains("\nldap.service.searchBase=OU=\n"), merged.text());
    assertEquals(9, merged.report().unknownToV2().size());
    // the v2 keys the operator's file lacks are the new ones now, with the keys the operator removed
    assertEquals(13, merged.report().newInV2().size());
    assertEquals(List.of(), merged.report().notSetByOperator());
  }

  @Test
  void valuesAreComparedAsPropertiesReadsThem() {
    PropertiesFile v1 = PropertiesFile.parse("a=1\nb=caf\u00e9\nc=x\nd=old\n");
    PropertiesFile v2 = PropertiesFile.parse("# A\na=1\n# B\nb=new b\nc=new c\nd=new d\ne=new e\n");
    PropertiesFile operator = PropertiesFile.parse("a   =   1\nb=caf\\u00e9\nc = x \nd=mine\\\n   , continued\n"
        + "f=only mine\nf=mine again\n");
    MergeResult merged = ConfMerge.merge(operator, v2, v1);
    assertEquals(String.join("\n", "# A", "a=1", "# B", "b=new b", "c = x ", "d=mine\\\n   , continued", "e=new e",
        ConfMerge.KEPT_SECTION_HEADER.get(0), ConfMerge.KEPT_SECTION_HEADER.get(1), ConfMerge.KEPT_SECTION_HEADER.get(2),
        "f=mine again", ""), merged.text());
    assertEquals(List.of(new MergeReport.Carried("c", "x ", "x", "new c"),
        new MergeReport.Carried("d", "mine, continued", "old", "new d")), merged.report().carried());
    assertEquals(List.of(new MergeReport.DefaultChange("b", "caf\u00e9", "new b")), merged.report().defaultChanges());
    assertEquals(List.of(new MergeReport.Setting("e", "new e")), merged.report().newInV2());
  }

  @Test
  void nothingToKeepAddsNoSection() {
    MergeResult merged = ConfMerge.merge(PropertiesFile.parse("a=2\n"), PropertiesFile.parse("a=1\nb=1\n"), null);
    assertEquals("a=2\nb=1\n", merged.text());
    assertEquals(List.of(new MergeReport.Setting("b", "1")), merged.report().newInV2());
  }

  @Test
  void secretValuesAreMaskedInTheReportButKeptInTheMergedFile() {
    PropertiesFile operator = PropertiesFile.parse("kylin.job.remote.cli.password=Hunter2x\nldap.password=\n"
        + "kylin.job.remote.cli.username=kylin\nmy.api.token=tok-991\n");
    PropertiesFile v2 = PropertiesFile.parse("kylin.job.remote.cli.password=\nldap.password=\n"
        + "kylin.job.remote.cli.username=\nmail.password=v2default-pw\n");
    MergeResult merged = ConfMerge.merge(operator, v2, PropertiesFile.parse("kylin.job.remote.cli.password=\n"));
    assertTrue(merged.text().contains("kylin.job.remote.cli.password=Hunter2x\n"), merged.text());
    assertTrue(merged.text().contains("my.api.token=tok-991\n"), merged.text());
    String lines = String.join("\n", merged.report().lines());
    String json = merged.report().json().toString();
    for (String shown : List.of(lines, json)) {
      for (String secret : List.of("Hunter2x", "tok-991", "v2default-pw")) {
        assertFalse(shown.contains(secret), secret + " in " + shown);
      }
      assertTrue(shown.contains("kylin.job.remote.cli.password"), shown);
      assertTrue(shown.contains(Secrets.MASK), shown);
      assertTrue(shown.contains("kylin"), "an ordinary value is shown: " + shown);
    }
    assertTrue(lines.contains("carried    kylin.job.remote.cli.password=" + Secrets.MASK + "  (v1 default: )"), lines);
    assertTrue(lines.contains("carried    kylin.job.remote.cli.username=kylin"), lines);
    assertTrue(lines.contains("unknown    my.api.token=" + Secrets.MASK), lines);
    assertEquals("Hunter2x", merged.report().carried().get(0).value(), "the report's values themselves are real");
  }
}
