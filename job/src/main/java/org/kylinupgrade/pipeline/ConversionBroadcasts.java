package org.kylinupgrade.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The broadcasts one conversion makes, destroyed when it is released: until then each keeps its value, and its
 * serialized copy, in the driver's memory and in every executor's. Left to Spark's cleaner, they go only when a
 * collection of the old generation finds them unreachable, so that a driver converting twice (the live upgrade
 * verifies by converting again) would carry the first conversion's tables and path sets through the second.
 */
final class ConversionBroadcasts {
  private final JavaSparkContext sc;
  private final List<Broadcast<?>> made = new ArrayList<>();

  ConversionBroadcasts(JavaSparkContext sc) {
    this.sc = sc;
  }

  <T> Broadcast<T> of(T value) {
    Broadcast<T> broadcast = sc.broadcast(value);
    synchronized (made) {
      made.add(broadcast);
    }
    return broadcast;
  }

  /** The broadcasts made so far, in order. */
  List<Broadcast<?>> made() {
    synchronized (made) {
      return new ArrayList<>(made);
    }
  }

  /** Destroys every broadcast made so far: no RDD of the conversion may be computed afterwards. */
  void destroy() {
    synchronized (made) {
      made.forEach(Broadcast::destroy);
      made.clear();
    }
  }
}
