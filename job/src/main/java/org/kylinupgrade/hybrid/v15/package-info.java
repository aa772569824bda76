/**
 * The JSON shape of the Kylin 1.5.4.1 entities extending a cube into a hybrid reads and re-saves (cube, segment,
 * project, hybrid), as its Jackson 2.2 mapper binds and writes them: only annotated properties, the property order
 * Jackson 2.2 derives for Kylin's classes (properties whose JSON name is the Java name first, renamed ones after
 * them) made explicit, Kylin's field initialisers as defaults, and Kylin's collection types where their iteration
 * order shows in the output. A new entity gets the version Kylin 1.5.4.1 writes ({@link Kylin15#NEW_ENTITY_VERSION});
 * a re-saved one keeps its own. The cube desc is {@code rules.v15.CubeDesc}, the realization entry
 * {@code rules.v2.RealizationEntry} (unchanged since 1.4-alpha).
 */
package org.kylinupgrade.hybrid.v15;
