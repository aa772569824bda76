package org.apache.kylin.storage.hbase.ii.coprocessor.endpoint;

import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;

/** Stand-in for Kylin's v2 inverted-index endpoint: a region coprocessor that offers no service. */
public class IIEndpoint implements RegionCoprocessor {
}
