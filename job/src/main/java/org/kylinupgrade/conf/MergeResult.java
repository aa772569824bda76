package org.kylinupgrade.conf;

import java.util.Objects;

/** The merged file's text (LF line ends, ISO-8859-1 characters) and what the merge did. */
public final class MergeResult {
  private final String text;
  private final MergeReport report;

  public MergeResult(String text, MergeReport report) {
    this.text = text;
    this.report = report;
  }

  public String text() {
    return text;
  }

  public MergeReport report() {
    return report;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MergeResult)) {
      return false;
    }
    MergeResult other = (MergeResult) o;
    return Objects.equals(text, other.text) && Objects.equals(report, other.report);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, report);
  }

  @Override
  public String toString() {
    return "MergeResult[text=" + text + ", report=" + report + "]";
  }
}
