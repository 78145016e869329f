package io.musicassistant.alexa.relay.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Reading strictly, for every mapper that reads what others send (the relay protocol, Alexa's
 * requests): one JSON value and nothing after it, and every scalar of the type its field declares.
 * {@code MapperFeature.ALLOW_COERCION_OF_SCALARS} alone stops strings becoming numbers or
 * booleans; a string field would still take {@code 42} or {@code true}, a boolean {@code 1} and an
 * enum an index, so those shapes are refused by the coercion config too. An integer where a
 * fraction is declared stays allowed: JSON does not tell {@code 2} from {@code 2.0}.
 */
public final class StrictScalars {

    private StrictScalars() {}

    public static JsonMapper.Builder apply(JsonMapper.Builder builder) {
        return builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, StrictScalars::noTextFromScalars)
                .withCoercionConfig(LogicalType.Boolean, StrictScalars::noBooleanFromOthers)
                .withCoercionConfig(LogicalType.Integer, StrictScalars::noIntegerFromOthers)
                .withCoercionConfig(LogicalType.Enum, StrictScalars::noEnumFromIndex);
    }

    /**
     * The coercion part of {@link #apply} for a mapper built elsewhere (a library's copy), whose
     * {@code MapperFeature}s can no longer change: coercion configs are what still can.
     */
    public static ObjectMapper refuseCoercions(ObjectMapper mapper) {
        noTextFromScalars(mapper.coercionConfigFor(LogicalType.Textual));
        noBooleanFromOthers(mapper.coercionConfigFor(LogicalType.Boolean));
        noIntegerFromOthers(mapper.coercionConfigFor(LogicalType.Integer));
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        noEnumFromIndex(mapper.coercionConfigFor(LogicalType.Enum));
        return mapper;
    }

    private static MutableCoercionConfig noTextFromScalars(MutableCoercionConfig c) {
        return c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }

    private static MutableCoercionConfig noBooleanFromOthers(MutableCoercionConfig c) {
        return c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    private static MutableCoercionConfig noIntegerFromOthers(MutableCoercionConfig c) {
        return c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }

    private static MutableCoercionConfig noEnumFromIndex(MutableCoercionConfig c) {
        return c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }
}
