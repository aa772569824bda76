package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v2.CubeDesc;
import org.kylinupgrade.rules.v2.DataModel;

/** The writer against lines Jackson 2.2.3 (Kylin's version) wrote for the same values. */
class KylinJsonTest {

  private static String descriptionLine(String description) {
    CubeDesc desc = new CubeDesc();
    desc.description = description;
    String json = new String(KylinJson.indented(desc), StandardCharsets.UTF_8);
    return json.lines().filter(l -> l.startsWith("  \"description\"")).findFirst().orElseThrow();
  }

  @Test
  void stringsAreEscapedAsJackson223EscapesThem() {
    assertEquals("  \"description\" : \"tab\\there\",", descriptionLine("tab\there"));
    assertEquals("  \"description\" : \"nl\\nx\",", descriptionLine("nl\nx"));
    assertEquals("  \"description\" : \"ctl\\u0001\\u001F\",", descriptionLine("ctl\u0001\u001f"));
    assertEquals("  \"description\" : \"quote\\\"back\\\\slash/\",", descriptionLine("quote\"back\\slash/"));
    assertEquals("  \"description\" : \"é 中文 \u2028 \u007f\",", descriptionLine("é 中文 \u2028 \u007f"));
    // supplementary characters: escaped as a surrogate pair in the UTF-8 file, raw in the signature string
    assertEquals("  \"description\" : \"emoji \\uD83D\\uDE00\",", descriptionLine("emoji \uD83D\uDE00"));
    assertTrue(KylinJson.compact(List.of("emoji \uD83D\uDE00")).contains("emoji \uD83D\uDE00"));
  }

  @Test
  void aDefaultDescIsWrittenWithEveryPropertyInKylinsOrder() {
    assertEquals("{\n"
        + "  \"uuid\" : null,\n"
        + "  \"name\" : null,\n"
        + "  \"description\" : null,\n"
        + "  \"dimensions\" : null,\n"
        + "  \"measures\" : null,\n"
        + "  \"rowkey\" : null,\n"
        + "  \"signature\" : null,\n"
        + "  \"last_modified\" : 0,\n"
        + "  \"model_name\" : null,\n"
        + "  \"null_string\" : null,\n"
        + "  \"hbase_mapping\" : null,\n"
        + "  \"notify_list\" : null,\n"
        + "  \"status_need_notify\" : [ ],\n"
        + "  \"partition_date_start\" : 0,\n"
        + "  \"partition_date_end\" : 3153600000000,\n"
        + "  \"auto_merge_time_ranges\" : null,\n"
        + "  \"retention_range\" : 0,\n"
        + "  \"engine_type\" : 0,\n"
        + "  \"storage_type\" : 0,\n"
        + "  \"override_kylin_properties\" : { }\n"
        + "}", new String(KylinJson.indented(new CubeDesc()), StandardCharsets.UTF_8));
    assertEquals("{\"uuid\":null,\"name\":null,\"description\":null,\"lookups\":null,\"dimensions\":null,"
        + "\"metrics\":null,\"capacity\":\"MEDIUM\",\"last_modified\":0,\"fact_table\":null,"
        + "\"filter_condition\":null,\"partition_desc\":null}", KylinJson.compact(new DataModel()));
  }

  @Test
  void tablesAreFoundCaseInsensitivelyAndBrokenOnesAreReported() {
    Resource good = Resource.ofText("/table/DB.T.json", "{\"name\":\"t\",\"database\":\"db\",\"columns\":["
        + "{\"id\":\"2\",\"name\":\"b\",\"datatype\":\"string\"},{\"id\":\"1\",\"name\":\"a\",\"datatype\":\"int\"}]}", 1L);
    Resource badType = Resource.ofText("/table/DB.U.json", "{\"name\":\"U\",\"database\":\"DB\",\"columns\":["
        + "{\"id\":\"1\",\"name\":\"X\",\"datatype\":\"bitmap\"}]}", 1L);
    TableCatalog tables = UpgradeRules.tables(List.of(good, badType));
    assertEquals(1, tables.size());
    assertEquals("DB.T", tables.find("db.t").identity());
    assertEquals(List.of("/table/DB.U.json"), tables.problems().stream().map(Problem::path).toList());
    assertTrue(tables.problems().get(0).reason().contains("bitmap"));
  }
}
