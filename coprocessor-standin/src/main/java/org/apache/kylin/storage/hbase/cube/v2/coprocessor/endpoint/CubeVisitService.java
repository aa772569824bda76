package org.apache.kylin.storage.hbase.cube.v2.coprocessor.endpoint;

import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;

/** Stand-in for Kylin's v2 sharded-storage cube endpoint: a region coprocessor that offers no service. */
public class CubeVisitService implements RegionCoprocessor {
}
