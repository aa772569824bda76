package org.kylinupgrade.hbase;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.TableDescriptor;
import org.apache.hadoop.hbase.coprocessor.MasterCoprocessor;
import org.apache.hadoop.hbase.coprocessor.MasterCoprocessorEnvironment;
import org.apache.hadoop.hbase.coprocessor.MasterObserver;
import org.apache.hadoop.hbase.coprocessor.ObserverContext;

/**
 * A master coprocessor of the test cluster that refuses to modify tables whose name contains
 * {@value #MARKER}: a table change that fails half-way (after the table was disabled), for real.
 */
public class RefusingModifyObserver implements MasterCoprocessor, MasterObserver {
  public static final String MARKER = "REFUSE_MODIFY";

  @Override
  public Optional<MasterObserver> getMasterObserver() {
    return Optional.of(this);
  }

  @Override
  public TableDescriptor preModifyTable(ObserverContext<MasterCoprocessorEnvironment> ctx, TableName tableName,
      TableDescriptor currentDescriptor, TableDescriptor newDescriptor) throws IOException {
    if (tableName.getNameAsString().contains(MARKER)) {
      throw new DoNotRetryIOException("modifications of " + tableName + " are refused by the test cluster");
    }
    return newDescriptor;
  }
}
