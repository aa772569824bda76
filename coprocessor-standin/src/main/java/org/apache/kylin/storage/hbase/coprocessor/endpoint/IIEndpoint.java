package org.apache.kylin.storage.hbase.coprocessor.endpoint;

import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;

/** Stand-in for Kylin's v1 (1.x) inverted-index endpoint: a region coprocessor that offers no service. */
public class IIEndpoint implements RegionCoprocessor {
}
