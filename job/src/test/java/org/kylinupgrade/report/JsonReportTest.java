package org.kylinupgrade.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kylinupgrade.conf.Secrets;

/** A report is written and stored with its secrets masked, whatever field or message carries one. */
class JsonReportTest {
  static final class Report extends JsonReport<Report> {
    Report() {
      super("test");
      root.put("source", "table m@jdbc,url=jdbc:mysql://db/m,username=u,password=Pw-1");
      root.putObject("options").put("ssl.server.keystore.password", "Pw-2").put("keytab", "/etc/kylin.keytab")
          .put("ldap.password", "");
      root.putArray("errors").add("cannot reach hdfs://kylin:Pw-3@nn/kylin");
      root.put("changes", 3);
      root.putObject("counts").put("/cube/api_token_cube.json", 7);
    }
  }

  @TempDir
  Path tmp;

  @Test
  void theWrittenAndStoredReportHasNoSecret() throws IOException {
    Report report = new Report();
    Path file = tmp.resolve("report.json");
    report.outcome("done", 0).writeTo(file.toString());
    String written = Files.readString(file);
    for (String shown : new String[] {written, report.json().toString()}) {
      for (String secret : new String[] {"Pw-1", "Pw-2", "Pw-3"}) {
        assertFalse(shown.contains(secret), secret + " in " + shown);
      }
    }
    JsonNode json = new ObjectMapper().readTree(written);
    assertEquals("table m@jdbc,url=jdbc:mysql://db/m,username=u,password=" + Secrets.MASK, json.get("source").asText());
    assertEquals(Secrets.MASK, json.get("options").get("ssl.server.keystore.password").asText());
    assertEquals("/etc/kylin.keytab", json.get("options").get("keytab").asText(), "the keytab path may be shown");
    assertEquals("", json.get("options").get("ldap.password").asText());
    assertEquals("cannot reach hdfs://kylin:" + Secrets.MASK + "@nn/kylin", json.get("errors").get(0).asText());
    assertEquals(3, json.get("changes").asInt());
    assertEquals(7, json.get("counts").get("/cube/api_token_cube.json").asInt(), "a number is no secret");
    assertEquals("done", json.get("status").asText());
  }
}
