package org.kylinupgrade.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kylinupgrade.metadata.Resource;

/** Kylin 1.5's version label on one resource. */
class VersionRefreshTest {
  private static final long RUN = 1800000000000L;

  private static Resource json(String path, String text) {
    return Resource.ofText(path, text, 42L);
  }

  @Test
  void anExistingVersionIsReplacedWhereItStands() {
    Resource cube = json("/cube/c.json", "{\"uuid\":\"u\",\"version\":null,\"name\":\"c\",\"last_modified\":7}");
    Resource labelled = VersionRefresh.refresh(cube, RUN);
    assertEquals("{\n  \"uuid\" : \"u\",\n  \"version\" : \"1.5.1\",\n  \"name\" : \"c\",\n  \"last_modified\" : 7\n}",
        labelled.text());
    assertEquals(RUN, labelled.timestamp());
  }

  @Test
  void aMissingVersionIsAppendedLastAndUnknownPropertiesStay() {
    Resource project = json("/project/p.json", "{\"name\":\"p\",\"realizations\":[],\"whatever\":{},\"n\":1.50}");
    assertEquals("{\n  \"name\" : \"p\",\n  \"realizations\" : [ ],\n  \"whatever\" : { },\n  \"n\" : 1.5,\n"
        + "  \"version\" : \"1.5.1\"\n}", VersionRefresh.refresh(project, RUN).text());
  }

  @Test
  void onlyJsonResourcesOutsideDictionariesAndSnapshotsAreLabelled() {
    assertTrue(VersionRefresh.applies("/data/data_gen_config.json"));
    assertTrue(VersionRefresh.applies("/table_exd/DB.T.json"));
    assertFalse(VersionRefresh.applies("/dict/T/C/u.dict"));
    assertFalse(VersionRefresh.applies("/dict/T/C/u.json"));
    assertFalse(VersionRefresh.applies("/dictionary_extra/x.json"), "Kylin matches the prefix /dict");
    assertFalse(VersionRefresh.applies("/table_snapshot/T.csv/u.json"));
    assertFalse(VersionRefresh.applies("/execute/4fa1"), "job records have no .json suffix");
    assertFalse(VersionRefresh.applies("/kylin.properties"));
    Resource job = json("/execute/4fa1", "{\"uuid\":\"4fa1\"}");
    assertSame(job, VersionRefresh.refresh(job, RUN));
  }

  @Test
  void aResourceAlreadyLabelledAndPrintedSoIsLeftAsItIs() {
    Resource once = VersionRefresh.refresh(json("/hybrid/h.json", "{\"name\":\"h\"}"), RUN);
    assertSame(once, VersionRefresh.refresh(once, RUN + 1));
  }

  @Test
  void aJsonResourceThatIsNotAnObjectIsBadInput() {
    NotAJsonObjectException e = assertThrows(NotAJsonObjectException.class,
        () -> VersionRefresh.refresh(json("/data/list.json", "[1, 2]"), RUN));
    assertTrue(e.getMessage().contains("/data/list.json"), e.getMessage());
    assertThrows(NotAJsonObjectException.class, () -> VersionRefresh.refresh(json("/data/empty.json", ""), RUN));
  }
}
