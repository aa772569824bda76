package org.kylinupgrade.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.kylinupgrade.metadata.Resource;
import org.kylinupgrade.rules.v15.AggregationGroup;
import org.kylinupgrade.rules.v15.CubeDesc;
import org.kylinupgrade.rules.v15.Dimension;
import org.kylinupgrade.rules.v15.Function;
import org.kylinupgrade.rules.v15.Measure;
import org.kylinupgrade.rules.v15.RowKeyColumn;
import org.kylinupgrade.rules.v15.SelectRule;
import org.kylinupgrade.rules.v2.Parameter;

/**
 * Kylin 1.5.4.1's {@code CubeMetadataValidator}, the check {@code CubeDescManager.createCubeDesc} and
 * {@code updateCubeDesc} run on a desc after {@code init}: where it finds an error, Kylin leaves the desc unsaved
 * without saying so to its caller. Its rules: {@code FunctionRule} (measures), {@code AggregationGroupRule},
 * {@code RowKeyAttrRule} and {@code DictionaryRule} (descs with {@code dictionaries}, which the 1.5 desc model here
 * does not carry, are the caller's to refuse). Kylin reads two settings from its configuration; these are their
 * defaults: at most 12 dimensions per aggregation group ({@code kylin.cube.aggrgroup.max.size}), unknown aggregate
 * functions refused ({@code kylin.query.ignore_unknown_function}).
 */
public final class CubeDescValidator15 {
  /** {@code kylin.cube.aggrgroup.max.size}'s default. */
  static final int MAX_GROUP_SIZE = 12;

  private static final Set<String> INTEGER_FAMILY =
      new HashSet<String>(Arrays.asList("tinyint", "smallint", "integer", "bigint", "int4", "long8"));
  private static final Set<String> NUMBER_FAMILY = new HashSet<String>(INTEGER_FAMILY);

  static {
    NUMBER_FAMILY.addAll(Arrays.asList("float", "double", "decimal", "real", "numeric"));
  }

  private final CubeDesc desc;
  private final TableCatalog.Table factTable;
  private final List<String> errors = new ArrayList<String>();

  private CubeDescValidator15(CubeDesc desc, TableCatalog.Table factTable) {
    this.desc = desc;
    this.factTable = factTable;
  }

  /**
   * The errors Kylin's validator finds, in its order; empty when the desc passes.
   *
   * @param desc a desc Kylin 1.5 loads, in its initialised form ({@link V15Load.DescOutcome#desc()})
   * @param model the desc's model
   * @param tables the tables as {@link UpgradeRules#tables(Iterable, UpgradeTarget)} loads them for 1.5
   * @throws IllegalArgumentException when the model does not load (the desc would not have either)
   */
  public static List<String> errors(CubeDesc desc, Resource model, TableCatalog tables) {
    TableCatalog.Table fact;
    try {
      fact = LoadedModel15.load(model, tables).tables.factTable;
    } catch (NotLoadableException e) {
      throw new IllegalArgumentException("the model of cube desc " + desc.name + " does not load: " + e.getMessage(),
          e);
    }
    CubeDescValidator15 validator = new CubeDescValidator15(desc, fact);
    validator.functionRule();
    validator.aggregationGroupRule();
    validator.rowKeyAttrRule();
    return Collections.unmodifiableList(validator.errors);
  }

  private void error(String message) {
    errors.add("ERROR : " + message);
  }

  // FunctionRule ---------------------------------------------------------------------------------------------------

  private void functionRule() {
    List<Measure> measures = desc.measures == null ? Collections.<Measure>emptyList() : desc.measures;
    Set<String> names = new HashSet<String>();
    for (Measure measure : measures) {
      if (!names.add(measure.name)) {
        error("There is duplicated measure's name: " + measure.name);
        return;
      }
    }
    int counts = 0;
    for (Measure measure : measures) {
      Function function = measure.function;
      Parameter parameter = function.parameter;
      if (parameter == null) {
        error("Must define parameter for function " + function.expression + " in " + measure.name);
        return;
      }
      if (isEmpty(parameter.type)) {
        error("Must define type for parameter type " + function.expression + " in " + measure.name);
        return;
      }
      if (isEmpty(parameter.value)) {
        error("Must define type for parameter value " + function.expression + " in " + measure.name);
        return;
      }
      if (isEmpty(function.returnType)) {
        error("Must define return type for function " + function.expression + " in " + measure.name);
        return;
      }
      if ("column".equalsIgnoreCase(parameter.type)) {
        columnParameter(parameter.value);
      } else if ("constant".equals(parameter.type)) {
        try {
          Integer.parseInt(parameter.value);
        } catch (NumberFormatException e) {
          error("Parameter value must be number, but it is " + parameter.value);
        }
      }
      String measureTypeError = measureType(function);
      if (measureTypeError != null) {
        error(measureTypeError);
      }
      if ("COUNT".equalsIgnoreCase(function.expression)) {
        counts++;
      }
      if ("TOP_N".equalsIgnoreCase(function.expression)) {
        if (parameter.nextParameter == null) {
          error("Must define at least 2 parameters for function " + function.expression + " in " + measure.name);
          return;
        }
        List<String> duplicated = new ArrayList<String>();
        for (Parameter groupBy = parameter.nextParameter; groupBy != null; groupBy = groupBy.nextParameter) {
          for (Dimension dimension : desc.dimensions) {
            if (dimension.column != null && dimension.column.equalsIgnoreCase(groupBy.value)) {
              duplicated.add(groupBy.value);
            }
          }
        }
        if (!duplicated.isEmpty()) {
          error("Couldn't use " + duplicated + " in Top-N as it is already defined as dimension.");
          return;
        }
      }
    }
    if (counts != 1) {
      error("Must define one and only one count(1) function, but there are " + counts);
    }
  }

  /** Every comma-separated item must be a column of the fact table, by its exact (upper-cased) name. */
  private void columnParameter(String value) {
    for (String raw : value.split(",")) {
      String item = raw.trim();
      if (item.isEmpty()) {
        continue;
      }
      TableCatalog.Column column = null;
      try {
        column = item.indexOf('.') >= 0 ? null : factTable.findColumn(item);
      } catch (NotLoadableException e) {
        column = null;
      }
      if (column == null || !column.ref().name().equals(item)) {
        error("Column [" + item + "] does not exist in factable table" + factTable.identity());
      }
    }
  }

  /**
   * {@code MeasureType.validate} of the type Kylin's factory picks for the function: count distinct on hllc or
   * bitmap, top-n, raw, extended column, else the basic type. Null when it passes.
   */
  private static String measureType(Function function) {
    String expression = function.expression.toUpperCase(Locale.ROOT);
    String type;
    try {
      type = V15DataType.parse(function.returnType).toString();
    } catch (NotLoadableException e) {
      return e.getMessage();
    }
    int open = type.indexOf('(');
    String name = open < 0 ? type : type.substring(0, open);
    int precision = -1;
    if (open >= 0) {
      String sizes = type.substring(open + 1, type.length() - 1);
      int comma = sizes.indexOf(',');
      precision = Integer.parseInt(comma < 0 ? sizes : sizes.substring(0, comma));
    }
    if (expression.equals("COUNT_DISTINCT")) {
      if (name.equals("hllc")) {
        return precision < 1 || precision > 5000 ? "hllc precision " + precision + " is not in [1, 5000]" : null;
      }
      // the bitmap type, the only other one registered for count distinct (the desc would not load otherwise)
      return null;
    }
    if (expression.equals("TOP_N")) {
      return !name.equals("topn") ? "the return type of TOP_N must be topn(n), not " + type
          : precision < 1 || precision > 10000 ? "topn precision " + precision + " is not in [1, 10000]" : null;
    }
    if (expression.equals("RAW")) {
      return name.equals("raw") ? null : "the return type of RAW must be raw, not " + type;
    }
    if (expression.equals("EXTENDED_COLUMN")) {
      return null;
    }
    if (expression.equals("SUM") || expression.equals("MAX") || expression.equals("MIN")) {
      return NUMBER_FAMILY.contains(name) ? null
          : "Return type for function " + expression + " must be one of " + NUMBER_FAMILY;
    }
    if (expression.equals("COUNT")) {
      return INTEGER_FAMILY.contains(name) ? null
          : "Return type for function " + expression + " must be one of " + INTEGER_FAMILY;
    }
    return "Unrecognized function: [" + expression + "]";
  }

  // AggregationGroupRule -------------------------------------------------------------------------------------------

  private void aggregationGroupRule() {
    int index = 0;
    for (AggregationGroup group : desc.aggregationGroups) {
      if (group.includes == null) {
        error("Aggregation group " + index + " includes field not set");
        continue;
      }
      SelectRule rule = group.selectRule;
      if (rule == null) {
        error("Aggregation group " + index + " select rule field not set");
        continue;
      }
      Set<String> includes = caseInsensitive(group.includes);
      Set<String> mandatory = caseInsensitive(rule.mandatoryDims);
      Set<String> hierarchies = caseInsensitive(flatten(rule.hierarchyDims));
      Set<String> joints = caseInsensitive(flatten(rule.jointDims));
      if (!includes.containsAll(mandatory) || !includes.containsAll(hierarchies) || !includes.containsAll(joints)) {
        error("Aggregation group " + index + " Include dims not containing all the used dims");
        continue;
      }
      Set<String> normal = caseInsensitive(group.includes);
      normal.removeAll(mandatory);
      normal.removeAll(hierarchies);
      normal.removeAll(joints);
      int size = (mandatory.isEmpty() ? 0 : 1) + normal.size() + count(rule.hierarchyDims) + count(rule.jointDims);
      if (size > MAX_GROUP_SIZE) {
        error("Aggregation group " + index + " has too many dimensions");
        continue;
      }
      if (containsAny(mandatory, hierarchies)) {
        error("Aggregation group " + index + " mandatory dims overlap with hierarchy dims");
        continue;
      }
      if (containsAny(mandatory, joints)) {
        error("Aggregation group " + index + " mandatory dims overlap with joint dims");
        continue;
      }
      if (rule.jointDims != null) {
        int jointDimCount = 0;
        for (String[] joint : rule.jointDims) {
          Set<String> oneJoint = caseInsensitive(joint);
          if (oneJoint.size() < 2) {
            error("Aggregation group " + index + " require at least 2 dims in a joint");
            continue;
          }
          jointDimCount += oneJoint.size();
          if (rule.hierarchyDims != null) {
            int overlapping = 0;
            for (String[] hierarchy : rule.hierarchyDims) {
              // CollectionUtils.intersection: the joint's members found in the hierarchy, compared exactly
              Set<String> share = caseInsensitive(null);
              for (String member : oneJoint) {
                if (Arrays.asList(hierarchy).contains(member)) {
                  share.add(member);
                }
              }
              if (!share.isEmpty()) {
                overlapping++;
              }
              if (share.size() > 1) {
                error("Aggregation group " + index + " joint columns overlap with more than 1 dim in same hierarchy");
              }
            }
            if (overlapping > 1) {
              error("Aggregation group " + index + " joint columns overlap with more than 1 hierarchies");
            }
          }
        }
        if (jointDimCount != joints.size()) {
          error("Aggregation group " + index + " a dim exist in more than one joint");
          continue;
        }
      }
      index++;
    }
  }

  private static Set<String> caseInsensitive(String[] values) {
    Set<String> set = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
    if (values != null) {
      set.addAll(Arrays.asList(values));
    }
    return set;
  }

  private static String[] flatten(String[][] groups) {
    List<String> all = new ArrayList<String>();
    if (groups != null) {
      for (String[] group : groups) {
        all.addAll(Arrays.asList(group));
      }
    }
    return all.toArray(new String[0]);
  }

  private static int count(String[][] groups) {
    return groups == null ? 0 : groups.length;
  }

  /** {@code CollectionUtils.containsAny}: by the first set's own comparison. */
  private static boolean containsAny(Set<String> a, Set<String> b) {
    for (String value : b) {
      if (a.contains(value)) {
        return true;
      }
    }
    return false;
  }

  // RowKeyAttrRule -------------------------------------------------------------------------------------------------

  private void rowKeyAttrRule() {
    if (desc.rowkey == null) {
      error("Rowkey does not exist");
      return;
    }
    RowKeyColumn[] columns = desc.rowkey.rowkeyColumns;
    if (columns == null || columns.length == 0) {
      error("Rowkey columns do not exist");
      return;
    }
    for (RowKeyColumn column : columns) {
      if (column.column == null || column.column.isEmpty()) {
        error("Rowkey column empty");
      }
    }
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
