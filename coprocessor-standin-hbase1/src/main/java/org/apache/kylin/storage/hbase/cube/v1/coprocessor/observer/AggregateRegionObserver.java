package org.apache.kylin.storage.hbase.cube.v1.coprocessor.observer;

import org.apache.hadoop.hbase.coprocessor.BaseRegionObserver;

/** Stand-in for Kylin's cube observer on HBase 1.x: a region observer that observes nothing. */
public class AggregateRegionObserver extends BaseRegionObserver {
}
