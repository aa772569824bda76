package org.kylinupgrade.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetadataUrlTest {

  @Test
  void bigCellPathIsTheSpecsExampleLiterally() {
    MetadataUrl url = MetadataUrl.parse("kylin_metadata@hbase");
    assertEquals("/kylin/kylin_metadata/resources/dict/T/C/u.dict", url.bigCellPath("/kylin", "/dict/T/C/u.dict"));
    assertEquals("/kylin/kylin_metadata/resources/dict/T/C/u.dict", url.bigCellPath("/kylin/", "/dict/T/C/u.dict"));
  }

  @Test
  void namesFollowKylinsUrlRules() {
    MetadataUrl custom = MetadataUrl.parse("prod:meta@HBase");
    assertEquals("prod:meta", custom.tableName());
    assertEquals("prod:meta_acl", custom.aclTable());
    assertEquals("prod:meta_user", custom.userTable());
    assertEquals("hdfs://nn/kylin/prod-meta/", custom.metadataWorkingDir("hdfs://nn/kylin"));
    MetadataUrl bare = MetadataUrl.parse("kylin_metadata");
    assertEquals("kylin_metadata", bare.tableName());
    assertEquals("kylin_metadata", bare.prefix());
  }

  @Test
  void refusesUrlsThatAreNotHBase() {
    assertThrows(BadInputException.class, () -> MetadataUrl.parse("@hbase"));
    assertThrows(BadInputException.class, () -> MetadataUrl.parse("meta@jdbc"));
    assertThrows(BadInputException.class, () -> MetadataUrl.parse(" "));
  }
}
