/**
 * The JSON shape of Kylin 1.4-alpha's ("v2") metadata classes as its Jackson 2.2.3 mapper binds and writes
 * them: only annotated properties, every property always written (nulls too), and the serialised property
 * order Jackson 2.2.3 derives for Kylin's classes (the order of their annotated fields, as Kylin's re-saved
 * resources show it), made explicit with {@code @JsonPropertyOrder}. Defaults are the v2 field initialisers.
 *
 * <p>These are plain mutable data holders; the v2 load-time normalisation ({@code init()}) that mutates them
 * lives in the rules package.
 */
package org.kylinupgrade.rules.v2;
