package org.kylinupgrade.hbase;

import java.io.IOException;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.HTableDescriptor;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.coprocessor.BaseMasterObserver;
import org.apache.hadoop.hbase.coprocessor.MasterCoprocessorEnvironment;
import org.apache.hadoop.hbase.coprocessor.ObserverContext;

/**
 * The job module's master coprocessor of this name on HBase 1.x's observer API (found first on this module's test
 * class path): refuses to modify tables whose name contains {@value #MARKER}, a table change that fails half-way
 * (after the table was disabled), for real.
 */
public class RefusingModifyObserver extends BaseMasterObserver {
  public static final String MARKER = "REFUSE_MODIFY";

  @Override
  public void preModifyTable(ObserverContext<MasterCoprocessorEnvironment> ctx, TableName tableName,
      HTableDescriptor htd) throws IOException {
    if (tableName.getNameAsString().contains(MARKER)) {
      throw new DoNotRetryIOException("modifications of " + tableName + " are refused by the test cluster");
    }
  }
}
