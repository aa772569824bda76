/**
 * The JSON shape of Kylin 1.5.4.1's metadata classes as its Jackson 2.2.4 mapper binds and writes them: only
 * annotated properties, nulls written except where Kylin asks otherwise ({@code NON_NULL}, {@code NON_EMPTY}),
 * and the property order Jackson 2.2 derives for Kylin's classes (properties whose JSON name is the Java name
 * first, renamed ones after them), made explicit with {@code @JsonPropertyOrder}. Defaults are Kylin's field
 * initialisers. Classes whose JSON did not change since 1.4-alpha (lookups, joins, model dimensions, parameters,
 * the HBase mapping) are the ones in {@code rules.v2}.
 *
 * <p>Every entity carries {@code version}: Kylin 1.5.4.1 writes its own version there, and the upgrade's last
 * step labels everything {@code 1.5.1}.
 */
package org.kylinupgrade.rules.v15;
