/**
 * Cuboid sets of Kylin cube descs before and after the 1.5 upgrade, and a mapping that keeps them equal.
 *
 * <p><b>Bit convention.</b> A cuboid id is a set of rowkey columns: with n rowkey columns, column i (0-based, in
 * rowkey order) is bit {@code n-1-i}, so the first rowkey column is the highest bit and the base cuboid (every
 * column) is {@code 2^n - 1}. HBase tables of built segments are keyed by these ids, which is why an upgraded desc
 * must keep both the rowkey order and the set of cuboids.
 *
 * <p><b>v1 semantics (Kylin 1.3.0), {@link org.kylinupgrade.cuboid.V1Cuboids}.</b> The desc gives a mandatory mask
 * (rowkey columns marked mandatory), old aggregation groups, and hierarchies from its hierarchy dimensions (a level
 * named by a lookup's primary key stands for the fact table's foreign key). The tail is {@code full ^ mandatory ^
 * groups}; each group has a unique mask (its columns not in later groups) and a leftover mask (tail and later groups,
 * minus its own columns); hierarchy levels in the tail are ignored. A cuboid is valid when it is the base cuboid, or
 * it has every mandatory column and one more, and the first group whose unique columns it touches leaves it no
 * column outside the group or exactly that group's leftover (with no group touched, none or all of the tail), and
 * every hierarchy it touches is a prefix of its levels. A build, though, does not take the valid set: it walks
 * from the base cuboid, each cuboid spawning its "zero-tail" cuboids and the valid cuboids one group column
 * smaller, minus those a smaller valid sibling also spawns. For most descs walk and valid set agree; for groups
 * sharing columns or hierarchies spanning groups they do not, and the walk is what was built. A query on some
 * columns is answered from the cuboid {@code findById} translates it to (mandatory columns, hierarchy parents and
 * a group's leftover added); for some masks Kylin 1.3.0 finds none.
 *
 * <p><b>1.5 semantics (Kylin 1.5.4.1), {@link org.kylinupgrade.cuboid.V15Cuboids}.</b> Each aggregation group is a
 * partial cube over its {@code includes}: a cuboid is valid in it when it has all its {@code mandatory_dims} and at
 * least one more column, takes each of its {@code hierarchy_dims} as a prefix or not at all, and each of its
 * {@code joint_dims} wholly or not at all. The cube has the base cuboid plus every cuboid valid in some group (its
 * scheduler walks a tree from the base cuboid). Kylin 1.5.4.1 refuses to load groups with one-column joints or
 * hierarchies, a column in two joints or two hierarchies, a hierarchy column in a joint, names outside the
 * includes or the rowkey, or more than {@code kylin.cube.aggrgroup.max.combination} (4096 unless the operator's
 * {@code kylin.properties} changes it) combinations; its save-time rule also limits a group to 12 dimensions and
 * forbids mandatory columns in hierarchies or joints. It
 * builds the mandatory mask with an int shift, so mandatory columns at bit 31 or higher are wrong.
 *
 * <p><b>The mapping, {@link org.kylinupgrade.cuboid.AggregationGroupMapping}.</b> Kylin's own converter rule is
 * kept when its groups load and give exactly the v1 build set; otherwise groups are built from the v1 semantics
 * (a column may be in several groups) and checked against the v1 set with
 * {@link org.kylinupgrade.cuboid.CuboidSets}.
 */
package org.kylinupgrade.cuboid;
