package org.apache.kylin.storage.hbase.coprocessor.observer;

import org.apache.hadoop.hbase.coprocessor.BaseRegionObserver;

/** Stand-in for Kylin's cube observer on HBase 1.x: a region observer that observes nothing. */
public class AggregateRegionObserver extends BaseRegionObserver {
}
