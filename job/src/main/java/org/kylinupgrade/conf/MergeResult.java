package org.kylinupgrade.conf;

/** The merged file's text (LF line ends, ISO-8859-1 characters) and what the merge did. */
public record MergeResult(String text, MergeReport report) {
}
