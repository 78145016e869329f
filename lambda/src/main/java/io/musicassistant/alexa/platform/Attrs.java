package io.musicassistant.alexa.platform;

import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Terse reading and writing of DynamoDB attribute values. */
public final class Attrs {

    private Attrs() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue b(byte[] value) {
        return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long num(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? fallback : Long.parseLong(v.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name, boolean fallback) {
        AttributeValue v = item.get(name);
        return v == null || v.bool() == null ? fallback : v.bool();
    }

    public static byte[] bytes(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.b() == null ? null : v.b().asByteArray();
    }

    public static Map<String, AttributeValue> key(String name, String value) {
        return Map.of(name, s(value));
    }
}
