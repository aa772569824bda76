package org.kylinupgrade.hybrid;

import java.util.UUID;

/** Where new uuids and the time of the writes come from: random and the clock, as in Kylin, or fixed in tests. */
public interface HybridIds {
  HybridIds SYSTEM = new HybridIds() {
    @Override
    public String newUuid() {
      return UUID.randomUUID().toString();
    }

    @Override
    public long now() {
      return System.currentTimeMillis();
    }
  };

  String newUuid();

  long now();
}
