package io.musicassistant.alexa.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates IAM policy documents the way AWS documents it for a role session: a request is allowed
 * when the role's identity policies allow it, the session policy allows it too (the session gets
 * the intersection), and no statement of either denies it. Covers what our policies use — Action
 * and NotAction, Resource and NotResource with wildcards, and the string condition operators with
 * their ForAllValues/ForAnyValue qualifiers and IfExists, and policy variables such as
 * {@code ${aws:PrincipalTag/home}} in resources and condition values (taken from the request's
 * context, their value matched literally; absent, the element matches nothing, as AWS documents);
 * anything else (ARN, numeric, date, IP and Bool operators, the special variables, a Principal)
 * throws, so that a policy this class cannot judge fails the test instead of passing it.
 *
 * <p>It exists because no open-source emulator here evaluates session policies (Moto ignores them
 * and cannot resolve DynamoDB resources; ElasticMQ checks no IAM at all): docs/decisions.md.
 */
final class PolicyEvaluator {

    /** One call as IAM sees it: the action, the resource's ARN, and the request's condition keys. */
    record Request(String action, String resource, Map<String, List<String>> context) {
        Request(String action, String resource) {
            this(action, resource, Map.of());
        }
    }

    enum Outcome {
        ALLOWED,
        DENIED,
        NOT_MENTIONED
    }

    private PolicyEvaluator() {}

    /** The session's decision: identity policies ∩ session policy, explicit denials first. */
    static boolean allowedForSession(List<JsonNode> identityPolicies, JsonNode sessionPolicy, Request request) {
        boolean identityAllows = false;
        for (JsonNode policy : identityPolicies) {
            Outcome outcome = evaluate(policy, request);
            if (outcome == Outcome.DENIED) {
                return false;
            }
            identityAllows |= outcome == Outcome.ALLOWED;
        }
        return identityAllows && evaluate(sessionPolicy, request) == Outcome.ALLOWED;
    }

    /** One policy document on its own. */
    static Outcome evaluate(JsonNode policy, Request request) {
        if (!"2012-10-17".equals(policy.path("Version").asText())) {
            throw new IllegalArgumentException(
                    "policy version must be 2012-10-17 (variables and conditions differ before it)");
        }
        boolean allowed = false;
        for (JsonNode statement : list(policy.path("Statement"))) {
            if (!matches(statement, request)) {
                continue;
            }
            switch (statement.path("Effect").asText()) {
                case "Deny" -> {
                    return Outcome.DENIED;
                }
                case "Allow" -> allowed = true;
                default -> throw new IllegalArgumentException("statement without a valid Effect: " + statement);
            }
        }
        return allowed ? Outcome.ALLOWED : Outcome.NOT_MENTIONED;
    }

    private static boolean matches(JsonNode statement, Request request) {
        if (statement.has("Principal") || statement.has("NotPrincipal")) {
            throw new IllegalArgumentException("identity and session policies have no Principal: " + statement);
        }
        if (statement.has("Action") == statement.has("NotAction")
                || statement.has("Resource") == statement.has("NotResource")) {
            throw new IllegalArgumentException(
                    "a statement has exactly one of Action/NotAction and of Resource/NotResource: " + statement);
        }
        boolean action = statement.has("Action")
                ? anyMatches(statement.path("Action"), request.action(), true, Map.of())
                : !anyMatches(statement.path("NotAction"), request.action(), true, Map.of());
        boolean resource = statement.has("Resource")
                ? anyMatches(statement.path("Resource"), request.resource(), false, request.context())
                : !anyMatches(statement.path("NotResource"), request.resource(), false, request.context());
        return action && resource && conditionsHold(statement.path("Condition"), request.context());
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, List<String>> context) {
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                // Condition keys are case-insensitive; look them up that way.
                if (!holds(operator.getKey(), lookUp(context, key.getKey()), texts(key.getValue()), context)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A condition key's values in the request, or null; condition keys are case-insensitive. */
    private static List<String> lookUp(Map<String, List<String>> context, String key) {
        return context.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    static boolean holds(String operator, List<String> requestValues, List<String> policyValues) {
        return holds(operator, requestValues, policyValues, Map.of());
    }

    /** One operator and one key: AND across keys and operators is the caller's, OR across the policy's values is here. */
    static boolean holds(
            String operator, List<String> requestValues, List<String> policyValues, Map<String, List<String>> context) {
        String op = operator;
        String set = null;
        if (op.startsWith("ForAllValues:") || op.startsWith("ForAnyValue:")) {
            set = op.substring(0, op.indexOf(':'));
            op = op.substring(op.indexOf(':') + 1);
        }
        boolean ifExists = op.endsWith("IfExists");
        if (ifExists) {
            op = op.substring(0, op.length() - "IfExists".length());
        }
        boolean negated = switch (op) {
            case "StringEquals", "StringLike", "StringEqualsIgnoreCase" -> false;
            case "StringNotEquals", "StringNotLike", "StringNotEqualsIgnoreCase" -> true;
            default ->
                throw new UnsupportedOperationException("condition operator " + operator + " is not evaluated here");
        };
        String positive = negated ? op.replace("Not", "") : op;
        boolean absent = requestValues == null || requestValues.isEmpty();
        if ("ForAllValues".equals(set)) {
            // True for an absent key: AWS's documented pitfall, kept so that tests see what AWS would do.
            return absent
                    || requestValues.stream()
                            .allMatch(v -> negated != anyValueMatches(positive, v, policyValues, context));
        }
        if ("ForAnyValue".equals(set)) {
            return !absent
                    && requestValues.stream()
                            .anyMatch(v -> negated != anyValueMatches(positive, v, policyValues, context));
        }
        if (absent) {
            return ifExists || negated;
        }
        if (requestValues.size() > 1) {
            throw new UnsupportedOperationException(
                    operator + " on a multivalued key needs ForAllValues or ForAnyValue");
        }
        return negated != anyValueMatches(positive, requestValues.getFirst(), policyValues, context);
    }

    private static boolean anyValueMatches(
            String operator, String value, List<String> policyValues, Map<String, List<String>> context) {
        for (String policyValue : policyValues) {
            String expected = substitute(policyValue, context);
            if (expected == null) {
                continue; // a variable the request has no value for: this value matches nothing
            }
            boolean match = switch (operator) {
                case "StringEquals" -> expected.equals(value);
                case "StringEqualsIgnoreCase" -> expected.equalsIgnoreCase(value);
                case "StringLike" ->
                    wildcard(policyValue, false, context).matcher(value).matches();
                default -> throw new UnsupportedOperationException(operator);
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(
            JsonNode patterns, String value, boolean ignoreCase, Map<String, List<String>> context) {
        for (String pattern : texts(patterns)) {
            if (wildcard(pattern, ignoreCase, context).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    static Pattern wildcard(String pattern, boolean ignoreCase) {
        return wildcard(pattern, ignoreCase, Map.of());
    }

    /**
     * IAM's wildcards: {@code *} any run of characters (also across colons and slashes), {@code ?} one
     * character; a policy variable stands for its value taken literally, and one without a value
     * makes the pattern match nothing.
     */
    static Pattern wildcard(String pattern, boolean ignoreCase, Map<String, List<String>> context) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '$' && pattern.startsWith("${", i)) {
                int end = pattern.indexOf('}', i);
                String value = variable(pattern.substring(i + 2, end), context);
                if (value == null) {
                    return Pattern.compile("(?!)");
                }
                regex.append(Pattern.quote(value));
                i = end;
                continue;
            }
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(
                regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
    }

    /** A value with its policy variables replaced, or null when one has no value in the request. */
    private static String substitute(String value, Map<String, List<String>> context) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int start = value.indexOf("${"); start >= 0; start = value.indexOf("${", at)) {
            int end = value.indexOf('}', start);
            String resolved = variable(value.substring(start + 2, end), context);
            if (resolved == null) {
                return null;
            }
            out.append(value, at, start).append(resolved);
            at = end + 1;
        }
        return out.append(value.substring(at)).toString();
    }

    /** The single value of a request key a policy variable names, or null when the request has none. */
    private static String variable(String key, Map<String, List<String>> context) {
        if (key.isEmpty() || key.contains(",") || key.equals("*") || key.equals("?") || key.equals("$")) {
            throw new UnsupportedOperationException(
                    "special or defaulted policy variables are not evaluated here: ${" + key + "}");
        }
        List<String> values = lookUp(context, key);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new UnsupportedOperationException("a multivalued key cannot be a policy variable: " + key);
        }
        return values.getFirst();
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (node.isObject()) {
            out.add(node);
        }
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        List<JsonNode> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(items::add);
        } else if (!node.isMissingNode()) {
            items.add(node);
        }
        for (JsonNode n : items) {
            if (!n.isTextual() && !n.isBoolean() && !n.isNumber()) {
                throw new IllegalArgumentException("unresolved value in a policy: " + n);
            }
            out.add(n.asText());
        }
        return out;
    }
}
