package org.kylinupgrade.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.JobRunner;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.SparkJobs;
import org.kylinupgrade.TestData;
import org.kylinupgrade.conf.Secrets;
import org.kylinupgrade.hbase.HBaseCluster;
import org.kylinupgrade.hbase.TestHBase;

/**
 * A full live upgrade, {@code info} and {@code rollback} with secrets handed to the tool — password-like keys in the
 * hbase-site, a keytab file, a {@code password=} inside the metadata URL option — then every output of the run
 * searched for each secret value: standard output and error, the log (at INFO, the job's own loggers at DEBUG), the
 * JSON reports and every cell of the history table.
 */
@ExtendWith(SparkJobs.class)
class SecretsIT {
  private static final String KEYSTORE_PW = "KsPw-8161";
  private static final String REST_KEYSTORE_PW = "RestKsPw-8262";
  private static final String TRUSTSTORE_PW = "TsPw-8363";
  private static final String API_TOKEN = "Tok-8464";
  private static final String KEYTAB_CONTENT = "KeytabContent-8565";
  private static final String URL_PW = "UrlPw-8666";
  private static final List<String> SECRETS = List.of(KEYSTORE_PW, REST_KEYSTORE_PW, TRUSTSTORE_PW, API_TOKEN,
      KEYTAB_CONTENT, URL_PW);

  @TempDir
  Path tmp;

  private JobRunner runner;

  /** The mini cluster's hbase-site, plus what an operator's TLS and REST set-up puts there. */
  private String siteWithSecrets(Path keytab) throws IOException {
    String xml = Files.readString(Path.of(SharedHBase.hbaseSite()), StandardCharsets.UTF_8);
    StringBuilder more = new StringBuilder();
    Map<String, String> secrets = new LinkedHashMap<>();
    secrets.put("ssl.server.keystore.password", KEYSTORE_PW);
    secrets.put("hbase.rest.ssl.keystore.password", REST_KEYSTORE_PW);
    secrets.put("ssl.server.truststore.password", TRUSTSTORE_PW);
    secrets.put("kylin.upgrade.api.token", API_TOKEN);
    secrets.put("hbase.client.keytab.file", keytab.toString());
    secrets.forEach((k, v) -> more.append("<property><name>").append(k).append("</name><value>").append(v)
        .append("</value></property>\n"));
    int end = xml.lastIndexOf("</configuration>");
    Path copy = tmp.resolve("hbase-site.xml");
    Files.writeString(copy, xml.substring(0, end) + more + xml.substring(end), StandardCharsets.UTF_8);
    return copy.toString();
  }

  /** Every cell of the history table, row key, field and value. */
  private String historyRows() throws IOException {
    StringBuilder all = new StringBuilder();
    try (HBaseCluster hbase = runner.connect(); Table history = TestHBase.table(hbase, runner.historyTable());
        ResultScanner scanner = history.getScanner(new Scan())) {
      for (Result r : scanner) {
        r.getNoVersionMap().forEach((family, cells) -> cells.forEach((field, value) -> all.append(Bytes.toString(r.getRow()))
            .append(' ').append(Bytes.toString(field)).append('=').append(Bytes.toString(value)).append('\n')));
      }
    }
    return all.toString();
  }

  @Test
  void noSecretReachesTheTerminalTheLogTheReportsOrTheHistory() throws IOException {
    Path keytab = tmp.resolve("kylin.keytab");
    Files.writeString(keytab, KEYTAB_CONTENT);
    runner = JobRunner.onFreshTable("secrets_it_").withCluster("--hbase-site", siteWithSecrets(keytab));

    StringWriter log = new StringWriter();
    LoggerContext logs = (LoggerContext) LogManager.getContext(false);
    Appender appender = WriterAppender.newBuilder().setName("secrets-it").setTarget(log)
        .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%throwable").build()).build();
    appender.start();
    logs.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    Level rootLevel = logs.getRootLogger().getLevel();
    Level ours = LogManager.getLogger("org.kylinupgrade").getLevel();
    Configurator.setRootLevel(Level.INFO);
    Configurator.setLevel("org.kylinupgrade", Level.DEBUG);
    List<Path> reports = new ArrayList<>();
    try {
      assertEquals(ExitCodes.OK, runner.run(new LoadJob(), "--from-folder",
          TestData.example("kylin-1.3.0-localmeta").toString()),
          runner::printed);
      reports.add(tmp.resolve("upgrade.json"));
      int upgraded = runner.run(new UpgradeJob(), "--keep-unloadable", "--report", reports.get(0).toString());
      assertTrue(upgraded == ExitCodes.OK || upgraded == ExitCodes.PROBLEMS, runner::printed);
      reports.add(tmp.resolve("info.json"));
      assertEquals(ExitCodes.OK, runner.run(new InfoJob(), "--report", reports.get(1).toString()), runner::printed);
      reports.add(tmp.resolve("rollback.json"));
      assertEquals(ExitCodes.OK, runner.run(new RollbackJob(), "--report", reports.get(2).toString()), runner::printed);
      reports.add(tmp.resolve("info-after.json"));
      assertEquals(ExitCodes.OK, runner.run(new InfoJob(), "--report", reports.get(3).toString()), runner::printed);
      // Kylin's later JDBC form of the metadata URL carries a password: refused, and not echoed
      assertEquals(ExitCodes.BAD_INPUT, runner.run(new InfoJob(), "--metadata-url",
          runner.table() + "@jdbc,url=jdbc:mysql://db:3306/kylin,username=kylin,password=" + URL_PW), runner::printed);
    } finally {
      logs.getConfiguration().getRootLogger().removeAppender("secrets-it");
      appender.stop();
      Configurator.setRootLevel(rootLevel);
      Configurator.setLevel("org.kylinupgrade", ours);
    }

    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("terminal", runner.printed());
    outputs.put("log", log.toString());
    for (Path report : reports) {
      if (Files.exists(report)) {
        outputs.put(report.getFileName().toString(), Files.readString(report, StandardCharsets.UTF_8));
      }
    }
    outputs.put("history rows", historyRows());

    // the outputs hold what they should: the run, its report, the refusal naming the option
    assertTrue(outputs.get("terminal").contains("run history"), outputs.get("terminal"));
    assertTrue(outputs.get("terminal").contains("bad input: --metadata-url"), outputs.get("terminal"));
    assertTrue(outputs.get("terminal").contains("password=" + Secrets.MASK), outputs.get("terminal"));
    assertTrue(outputs.get("log").contains("started on table"), "the job's log was captured");
    assertTrue(outputs.get("history rows").contains("report:"), "the history keeps the run's report");
    assertTrue(outputs.get("upgrade.json").contains("\"changes\""), outputs.get("upgrade.json"));
    for (Map.Entry<String, String> output : outputs.entrySet()) {
      for (String secret : SECRETS) {
        int at = output.getValue().indexOf(secret);
        assertFalse(at >= 0, secret + " in the " + output.getKey() + ": ..."
            + output.getValue().substring(Math.max(0, at - 200), Math.min(output.getValue().length(), at + 100)));
      }
    }
  }

  @Test
  void aHistoryRowNeverStoresASecretWhateverFieldCarriesIt() throws IOException {
    JobRunner rows = JobRunner.onFreshTable("secrets_it_rows_");
    try (HBaseCluster hbase = rows.connect()) {
      org.kylinupgrade.hbase.HistoryTable history = hbase.historyTable(rows.historyTable()).ensureExists();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("command", "upgrade");
      fields.put("api_token", API_TOKEN);
      fields.put("note", "source m@jdbc,url=jdbc:mysql://db/m,password=" + URL_PW);
      history.put("run:1", fields);
      Map<String, String> stored = history.get("run:1");
      assertEquals("upgrade", stored.get("command"));
      assertEquals(Secrets.MASK, stored.get("api_token"));
      assertEquals("source m@jdbc,url=jdbc:mysql://db/m,password=" + Secrets.MASK, stored.get("note"));
    }
  }
}
