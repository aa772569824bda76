package org.kylinupgrade.hybrid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.kylinupgrade.hybrid.v15.CubeSegment;
import org.kylinupgrade.metadata.BadInputException;

/**
 * Which segments move to {@code <cube>_old} with Kylin 1.5.4.1: the partition date is the end of the last segment,
 * whether given or not (Kylin refuses any other), and a segment ending after it or starting at it stays behind. The
 * segments are in Kylin 1.5's order ({@code CubeSegment.compareTo}: by source offsets, the date range standing in when
 * they are off), as its {@code CubeManager} saves them, and must pass its {@code CubeValidator}, which
 * {@code createCube} runs on the old cube.
 */
final class SegmentSplit15 {
  /** {@code CubeSegment.compareTo}, with its long subtraction. */
  static final Comparator<CubeSegment> KYLIN_ORDER = new Comparator<CubeSegment>() {
    @Override
    public int compare(CubeSegment a, CubeSegment b) {
      long comp = a.rangeStart() - b.rangeStart();
      if (comp != 0) {
        return comp < 0 ? -1 : 1;
      }
      comp = a.rangeEnd() - b.rangeEnd();
      return comp == 0 ? 0 : comp < 0 ? -1 : 1;
    }
  };

  final long partitionDate;
  final List<CubeSegment> moved;
  final List<CubeSegment> dropped;

  private SegmentSplit15(long partitionDate, List<CubeSegment> moved, List<CubeSegment> dropped) {
    this.partitionDate = partitionDate;
    this.moved = moved;
    this.dropped = dropped;
  }

  static SegmentSplit15 of(String cube, List<CubeSegment> segments, String partitionDateArg) {
    List<CubeSegment> sorted = new ArrayList<CubeSegment>(segments);
    if (sorted.contains(null)) {
      throw new BadInputException("cube " + cube + " has a null segment; Kylin 1.5 cannot load it");
    }
    Collections.sort(sorted, KYLIN_ORDER);
    long lastEnd = sorted.get(sorted.size() - 1).dateRangeEnd;
    if (lastEnd <= 0) {
      throw new BadInputException("cube " + cube + ": its last segment ends at " + lastEnd
          + " (a full build, no date range): there is no date to split it at");
    }
    long partitionDate = lastEnd;
    if (partitionDateArg != null) {
      partitionDate = PartitionDate.parse15(partitionDateArg);
      if (partitionDate != lastEnd) {
        throw new BadInputException("--partition-date " + partitionDateArg + " (" + partitionDate + " ms) does not fit "
            + "the segments of cube " + cube + ": it must be the end of its last segment, "
            + PartitionDate.format(lastEnd, null) + " GMT (" + lastEnd + " ms), the only date Kylin's "
            + "ExtendCubeToHybridCLI accepts");
      }
    }
    List<CubeSegment> moved = new ArrayList<CubeSegment>();
    List<CubeSegment> dropped = new ArrayList<CubeSegment>();
    for (CubeSegment segment : sorted) {
      boolean after = segment.dateRangeStart >= partitionDate || segment.dateRangeEnd > partitionDate;
      (after ? dropped : moved).add(segment);
    }
    if (moved.isEmpty()) {
      throw new BadInputException("cube " + cube + ": no segment ends at or before " + partitionDate
          + " ms with a start before it; there is nothing to move into the old cube");
    }
    requireValid(cube, moved);
    return new SegmentSplit15(partitionDate, moved, dropped);
  }

  /** Kylin 1.5's {@code CubeValidator.validate} for a partitioned model: its {@code createCube} refuses otherwise. */
  private static void requireValid(String cube, List<CubeSegment> segments) {
    boolean offsetsOn = segments.get(0).sourceOffsetsOn();
    for (CubeSegment segment : segments) {
      if (!segment.sourceOffsetsOn() && segment.dateRangeStart >= segment.dateRangeEnd) {
        throw refused(cube, "segment " + segment.name + " has an invalid date range [" + segment.dateRangeStart + ", "
            + segment.dateRangeEnd + "]");
      }
      if (segment.sourceOffsetsOn() && segment.sourceOffsetStart >= segment.sourceOffsetEnd) {
        throw refused(cube, "segment " + segment.name + " has an invalid source offset range ["
            + segment.sourceOffsetStart + ", " + segment.sourceOffsetEnd + "]");
      }
      if (segment.sourceOffsetsOn() != offsetsOn) {
        throw refused(cube, "segment " + segment.name + " is ranged by " + (offsetsOn ? "dates" : "source offsets")
            + ", segment " + segments.get(0).name + " by " + (offsetsOn ? "source offsets" : "dates"));
      }
    }
    List<CubeSegment> ready = new ArrayList<CubeSegment>();
    List<CubeSegment> others = new ArrayList<CubeSegment>();
    for (CubeSegment segment : segments) {
      (segment.status == CubeSegment.Status.READY ? ready : others).add(segment);
    }
    for (int i = 0; i + 1 < ready.size(); i++) {
      if (ready.get(i).overlaps(ready.get(i + 1))) {
        throw refused(cube, "READY segments " + ready.get(i).name + " and " + ready.get(i + 1).name + " overlap");
      }
    }
    for (int i = 0; i < others.size(); i++) {
      CubeSegment segment = others.get(i);
      if (i > 0 && others.get(i - 1).overlaps(segment)) {
        throw refused(cube, "segments " + others.get(i - 1).name + " and " + segment.name + " overlap");
      }
      for (CubeSegment aReady : ready) {
        if (segment.overlaps(aReady) && !segment.contains(aReady)) {
          throw refused(cube, "segments " + aReady.name + " and " + segment.name + " overlap");
        }
      }
    }
  }

  private static BadInputException refused(String cube, String why) {
    return new BadInputException("cube " + cube + ": " + why + "; Kylin 1.5 refuses to create the old cube with it");
  }
}
