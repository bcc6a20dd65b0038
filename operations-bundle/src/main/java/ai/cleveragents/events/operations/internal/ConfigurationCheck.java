package ai.cleveragents.events.operations.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.osgi.service.metatype.AttributeDefinition;

/**
 * Checks a configuration's properties against its metatype: every key must be a described property
 * (or one the framework and FileInstall add), every value must parse as its type and be one of its
 * options when it has some. Each problem is one line naming the property, the value and what is allowed.
 */
final class ConfigurationCheck {

    /** Keys Config Admin, SCR and FileInstall add, never described by a metatype. */
    static final Set<String> FRAMEWORK_KEYS = Set.of("service.pid", "service.factoryPid", "service.bundleLocation",
            "felix.fileinstall.filename", "component.name", "component.id");

    /**
     * One described property.
     *
     * @param id      the property name
     * @param type    an {@link AttributeDefinition} type constant
     * @param options the allowed values, empty when any value of the type is allowed
     */
    record Rule(String id, int type, List<String> options) {

        /** @return the rule of a metatype attribute */
        static Rule of(AttributeDefinition ad) {
            String[] values = ad.getOptionValues();
            return new Rule(ad.getID(), ad.getType(), values == null ? List.of() : List.of(values));
        }

        String allowed() {
            if (!options.isEmpty()) {
                return String.join(", ", options);
            }
            return switch (type) {
                case AttributeDefinition.LONG -> "a whole number (Long)";
                case AttributeDefinition.INTEGER -> "a whole number from -2147483648 to 2147483647 (Integer)";
                case AttributeDefinition.SHORT -> "a whole number from -32768 to 32767 (Short)";
                case AttributeDefinition.BYTE -> "a whole number from -128 to 127 (Byte)";
                case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "a number";
                case AttributeDefinition.BOOLEAN -> "true, false";
                case AttributeDefinition.CHARACTER -> "one character";
                default -> "any text";
            };
        }

        boolean accepts(String value) {
            if (!options.isEmpty()) {
                return options.contains(value);
            }
            try {
                switch (type) {
                    case AttributeDefinition.LONG -> Long.parseLong(value.strip());
                    case AttributeDefinition.INTEGER -> Integer.parseInt(value.strip());
                    case AttributeDefinition.SHORT -> Short.parseShort(value.strip());
                    case AttributeDefinition.BYTE -> Byte.parseByte(value.strip());
                    case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> Double.parseDouble(value.strip());
                    case AttributeDefinition.BOOLEAN -> {
                        return value.strip().equalsIgnoreCase("true") || value.strip().equalsIgnoreCase("false");
                    }
                    case AttributeDefinition.CHARACTER -> {
                        return value.length() == 1;
                    }
                    default -> {
                        return true;
                    }
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    private ConfigurationCheck() {
    }

    /**
     * @param properties the configuration's properties
     * @param rules      its metatype's properties
     * @return one line per problem, in property name order; empty when the configuration is valid
     */
    static List<String> problems(Map<String, Object> properties, List<Rule> rules) {
        Map<String, Rule> byId = rules.stream().collect(Collectors.toMap(Rule::id, r -> r, (a, b) -> a, TreeMap::new));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> property : new TreeMap<>(properties).entrySet()) {
            String key = property.getKey();
            Rule rule = byId.get(key);
            if (rule == null) {
                if (!FRAMEWORK_KEYS.contains(key) && !key.startsWith(".")) {
                    problems.add(OneLine.of(key) + ": unknown property; allowed: " + String.join(", ", byId.keySet()));
                }
                continue;
            }
            for (Object value : values(property.getValue())) {
                String text = String.valueOf(value);
                if (!rule.accepts(text)) {
                    problems.add(key + "=" + OneLine.of(text) + " is not valid; allowed: " + rule.allowed());
                }
            }
        }
        return problems;
    }

    private static List<Object> values(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                list.add(Array.get(value, i));
            }
            return list;
        }
        return List.of(String.valueOf(value));
    }
}
