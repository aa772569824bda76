package org.kylinupgrade.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kylinupgrade.SharedHBase;
import org.kylinupgrade.hbase.HBaseCluster;

/** The run history against a real HBase. */
class RunJournalIT {
  @Test
  void aReportLargerThanAnHBaseCellIsKeptWholeWithTheRun() throws IOException {
    try (HBaseCluster hbase = SharedHBase.connect(SharedHBase.newWorkingDir(), HBaseCluster.DEFAULT_MAX_CELL_SIZE)) {
      RunJournal journal = new RunJournal(hbase.historyTable("journal_it_history").ensureExists());
      Run run = journal.start("20261125-000000-1", "upgrade", Map.of("table", "journal_it"));
      StringBuilder report = new StringBuilder();
      // 11 M characters: more than the 10 MB cell limit; a surrogate pair straddles every part boundary
      while (report.length() < 11 * 1024 * 1024) {
        report.append("x".repeat(RunJournal.REPORT_PART_CHARS - 1)).append("\uD83D\uDE00");
      }
      run = journal.putReport(run, report.toString());
      assertTrue(Integer.parseInt(run.get("report_parts")) > 20, run.get("report_parts"));
      assertEquals(report.toString(), journal.report(run.id()).orElseThrow());

      journal.putReport(run, "{\"changed\":0}");
      assertEquals("{\"changed\":0}", journal.report(run.id()).orElseThrow(), "a report put again replaces the first");
      assertEquals(1, journal.history().size(), "report rows are not runs");
    }
  }
}
