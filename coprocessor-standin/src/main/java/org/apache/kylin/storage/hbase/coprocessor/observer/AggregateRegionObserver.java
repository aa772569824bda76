package org.apache.kylin.storage.hbase.coprocessor.observer;

import java.util.Optional;
import org.apache.hadoop.hbase.coprocessor.RegionCoprocessor;
import org.apache.hadoop.hbase.coprocessor.RegionObserver;

/** Stand-in for Kylin's v1 (1.x) cube observer: a region observer that observes nothing. */
public class AggregateRegionObserver implements RegionCoprocessor, RegionObserver {
  @Override
  public Optional<RegionObserver> getRegionObserver() {
    return Optional.of(this);
  }
}
