package org.clinictracker.platform.input;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * A value of the wrong JSON type is refused, never converted: a number sent as a name, {@code 7.5}
 * as a pain score, {@code "true"} or {@code 1} as a yes/no answer, {@code 0} as a modality, a key
 * sent twice. Jackson then fails with the JSON path, which the problem handler names as the field.
 * <p>
 * What stays allowed: whole numbers for decimal fields ({@code -88} as a temperature), the textual
 * forms of dates, times, UUIDs and codes, and unknown properties (so a field added to an event or a
 * request by a newer client does not break an older reader).
 */
public class StrictJsonTypes implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.defaultLeniency(false) // java.time: no 30 February
                .addModule(textTimesAndBoundedDecimals())
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Text is text: no number or boolean turns into a name or a note.
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // Counts and scores: no fraction rounded away, no string or boolean read as a number.
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // A safety answer is true, false or absent: never "yes", 1 or "".
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.DateTime, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // An id (UUID) is an id: "" or a string of controls (Jackson trims "\u0000" to "") is no id, not null.
                .withCoercionConfig(LogicalType.OtherScalar, config -> config
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /**
     * A date or time is an ISO-8601 string, not an epoch number whose unit the client guessed nor a
     * {@code [1961, 4, 17]} array: Jackson's java.time readers take those whatever the coercion settings.
     * A decimal has at most {@value #MAX_DECIMAL_DIGITS} digits either side of the point: {@code 1e400}
     * or {@code 1e-400} measure nothing in a clinic, and printing one takes gigabytes.
     */
    private static SimpleModule textTimesAndBoundedDecimals() {
        SimpleModule module = new SimpleModule("clinic-strict-values");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
                    ValueDeserializer<?> deserializer) {
                return TemporalAccessor.class.isAssignableFrom(bean.getBeanClass())
                        ? new TextOnly(deserializer)
                        : deserializer;
            }
        });
        return module.addDeserializer(BigDecimal.class, new BoundedDecimal());
    }

    /** More digits before or after the point than any measurement the clinic records. */
    static final int MAX_DECIMAL_DIGITS = 15;

    private static final class BoundedDecimal extends NumberDeserializers.BigDecimalDeserializer {

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
            BigDecimal value = super.deserialize(parser, context);
            if (value != null && (value.scale() > MAX_DECIMAL_DIGITS
                    || (long) value.precision() - value.scale() > MAX_DECIMAL_DIGITS)) {
                return context.reportInputMismatch(BigDecimal.class,
                        "A number with more than %d digits before or after the point", MAX_DECIMAL_DIGITS);
            }
            return value;
        }
    }

    private static final class TextOnly extends DelegatingDeserializer {

        TextOnly(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new TextOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(_delegatee.handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
