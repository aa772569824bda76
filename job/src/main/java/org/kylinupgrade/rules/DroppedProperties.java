package org.kylinupgrade.rules;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kylinupgrade.rules.v2.CubeDesc;

/**
 * JSON properties a Kylin class (of {@code rules.v2} or {@code rules.v15}) does not declare: Kylin ignores them on read
 * and so drops them on re-save.
 */
final class DroppedProperties {
  private static final Package V2_CLASSES = CubeDesc.class.getPackage();
  private static final Package V15_CLASSES = org.kylinupgrade.rules.v15.CubeDesc.class.getPackage();
  private static final Map<Class<?>, Map<String, JavaType>> PROPERTIES = new ConcurrentHashMap<>();

  private DroppedProperties() {
  }

  /** JSON pointers, into {@code input}, of the properties {@code type} (recursively) does not know. */
  static List<String> find(JsonNode input, Class<?> type) {
    List<String> dropped = new ArrayList<>();
    walk(input, KylinJson.MAPPER.constructType(type), "", dropped);
    return dropped;
  }

  private static void walk(JsonNode node, JavaType type, String pointer, List<String> dropped) {
    Package classes = type.getRawClass().getPackage();
    if (node.isObject() && (classes == V2_CLASSES || classes == V15_CLASSES)) {
      Map<String, JavaType> known = propertiesOf(type);
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = pointer + "/" + escape(field.getKey());
        JavaType childType = known.get(field.getKey());
        if (childType == null) {
          dropped.add(child);
        } else {
          walk(field.getValue(), childType, child, dropped);
        }
      }
    } else if (node.isArray() && type.isContainerType() && !type.isMapLikeType()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), type.getContentType(), pointer + "/" + i, dropped);
      }
    }
  }

  private static Map<String, JavaType> propertiesOf(JavaType type) {
    return PROPERTIES.computeIfAbsent(type.getRawClass(), raw -> {
      BeanDescription bean = KylinJson.MAPPER.getDeserializationConfig().introspect(type);
      Map<String, JavaType> properties = new HashMap<>();
      for (BeanPropertyDefinition property : bean.findProperties()) {
        properties.put(property.getName(), property.getPrimaryType());
      }
      return properties;
    });
  }

  /** RFC 6901 escaping of one reference token. */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
