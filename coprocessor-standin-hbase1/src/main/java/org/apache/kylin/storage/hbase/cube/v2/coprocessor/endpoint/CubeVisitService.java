package org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint;

import java.io.IOException;
import org.apache.hadoop.hbase.Coprocessor;
import org.apache.hadoop.hbase.CoprocessorEnvironment;

/** Stand-in for Kylin's endpoint of this name on HBase 1.x: a region coprocessor that offers no service. */
public class CubeVisitService implements Coprocessor {
  @Override
  public void start(CoprocessorEnvironment env) throws IOException {
  }

  @Override
  public void stop(CoprocessorEnvironment env) throws IOException {
  }
}
