package org.kylinupgrade.hybrid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.kylinupgrade.metadata.BadInputException;
import org.kylinupgrade.rules.v2.CubeSegment;

/**
 * Which segments move to {@code <cube>_old} with Kylin 1.4-alpha: the partition date is the end of the last segment,
 * whether given or not (Kylin refuses any other), and a segment ending after it or starting at it stays behind.
 * The segments are taken in date order, as Kylin saves them.
 */
final class SegmentSplit {
  private static final Comparator<CubeSegment> BY_DATE =
      Comparator.<CubeSegment>comparingLong(s -> s.dateRangeStart).thenComparingLong(s -> s.dateRangeEnd);

  final long partitionDate;
  final List<CubeSegment> moved;
  final List<CubeSegment> dropped;

  private SegmentSplit(long partitionDate, List<CubeSegment> moved, List<CubeSegment> dropped) {
    this.partitionDate = partitionDate;
    this.moved = moved;
    this.dropped = dropped;
  }

  static SegmentSplit of(String cube, List<CubeSegment> segments, String partitionDateArg, String dateFormat) {
    List<CubeSegment> sorted = new ArrayList<>(segments);
    if (sorted.contains(null)) {
      throw new BadInputException("cube " + cube + " has a null segment; Kylin v2 cannot load it");
    }
    sorted.sort(BY_DATE);
    long lastEnd = sorted.get(sorted.size() - 1).dateRangeEnd;
    if (lastEnd <= 0) {
      throw new BadInputException("cube " + cube + ": its last segment ends at " + lastEnd
          + " (a full build, no date range): there is no date to split it at");
    }
    long partitionDate = lastEnd;
    if (partitionDateArg != null) {
      partitionDate = PartitionDate.parse(partitionDateArg, dateFormat);
      if (partitionDate != lastEnd) {
        throw new BadInputException("--partition-date " + partitionDateArg + " (" + partitionDate + " ms) does not fit "
            + "the segments of cube " + cube + ": it must be the end of its last segment, "
            + PartitionDate.format(lastEnd, dateFormat) + " (" + lastEnd + " ms), the only date Kylin's "
            + "ExtendCubeToHybridCLI accepts");
      }
    }
    List<CubeSegment> moved = new ArrayList<>();
    List<CubeSegment> dropped = new ArrayList<>();
    for (CubeSegment segment : sorted) {
      boolean after = segment.dateRangeStart >= partitionDate || segment.dateRangeEnd > partitionDate;
      (after ? dropped : moved).add(segment);
    }
    if (moved.isEmpty()) {
      throw new BadInputException("cube " + cube + ": no segment ends at or before " + partitionDate
          + " ms with a start before it; there is nothing to move into the old cube");
    }
    requireValidReadySegments(cube, moved);
    return new SegmentSplit(partitionDate, moved, dropped);
  }

  /** Kylin's {@code CubeManager.validateReadySegments}: its {@code createCube} refuses the old cube otherwise. */
  private static void requireValidReadySegments(String cube, List<CubeSegment> segments) {
    List<CubeSegment> ready = segments.stream().filter(s -> s.status == CubeSegment.Status.READY)
        .collect(Collectors.toList());
    for (CubeSegment segment : ready) {
      if (segment.dateRangeEnd <= segment.dateRangeStart) {
        throw new BadInputException("cube " + cube + ": READY segment " + segment.name + " has an invalid date range ["
            + segment.dateRangeStart + ", " + segment.dateRangeEnd + "]; Kylin refuses to create the old cube with it");
      }
    }
    for (int i = 0; i + 1 < ready.size(); i++) {
      if (ready.get(i).dateRangeEnd > ready.get(i + 1).dateRangeStart) {
        throw new BadInputException("cube " + cube + ": READY segments " + ready.get(i).name + " and "
            + ready.get(i + 1).name + " overlap; Kylin refuses to create the old cube with them");
      }
    }
  }
}
