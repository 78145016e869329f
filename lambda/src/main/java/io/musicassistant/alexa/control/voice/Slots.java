package io.musicassistant.alexa.control.voice;

import com.amazon.ask.model.Intent;
import com.amazon.ask.model.SimpleSlotValue;
import com.amazon.ask.model.Slot;
import com.amazon.ask.model.slu.entityresolution.Resolution;
import com.amazon.ask.model.slu.entityresolution.Resolutions;
import com.amazon.ask.model.slu.entityresolution.StatusCode;
import com.amazon.ask.model.slu.entityresolution.Value;
import com.amazon.ask.model.slu.entityresolution.ValueWrapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading slots: what the user said, and what entity resolution made of it. Alexa sends the value
 * both classically ({@code value}, {@code resolutions}) and as {@code slotValue}; either is read.
 */
public final class Slots {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");

    /** Anything longer is not something a person said to a speaker; callers refuse or cut it. */
    public static final int MAX_VALUE_LENGTH = 200;
    /** Dynamic entities' authority: {@code amzn1.er-authority.echo-sdk.dynamic.<skill id>.<type>}. */
    static final String DYNAMIC_AUTHORITY = "amzn1.er-authority.echo-sdk.dynamic.";

    static final String STATIC_AUTHORITY = "amzn1.er-authority.echo-sdk.";
    /** Longer ids are not read from a request, so none is pushed as a dynamic entity either. */
    static final int MAX_ID_LENGTH = 256;

    private Slots() {}

    /** A resolved entity: its id and its canonical name. */
    public record Entity(String id, String name) {}

    static Optional<Slot> slot(Intent intent, String name) {
        if (intent == null || intent.getSlots() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(intent.getSlots().get(name));
    }

    /** What the user said for {@code name}, stripped; empty when nothing (or only whitespace). */
    public static Optional<String> value(Intent intent, String name) {
        return slot(intent, name).map(Slots::rawValue).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String rawValue(Slot slot) {
        if (slot.getValue() != null) {
            return slot.getValue();
        }
        return slot.getSlotValue() instanceof SimpleSlotValue simple ? simple.getValue() : null;
    }

    private static Resolutions resolutions(Slot slot) {
        if (slot.getResolutions() != null) {
            return slot.getResolutions();
        }
        return slot.getSlotValue() instanceof SimpleSlotValue simple ? simple.getResolutions() : null;
    }

    /** The entity a dynamic entity (pushed with Dialog.UpdateDynamicEntities) resolved the slot to. */
    public static Optional<Entity> dynamicMatch(Intent intent, String name) {
        return match(intent, name, true);
    }

    /** The entity the interaction model's own slot-type values resolved the slot to. */
    public static Optional<Entity> staticMatch(Intent intent, String name) {
        return match(intent, name, false);
    }

    private static Optional<Entity> match(Intent intent, String name, boolean dynamic) {
        Resolutions resolutions = slot(intent, name).map(Slots::resolutions).orElse(null);
        if (resolutions == null || resolutions.getResolutionsPerAuthority() == null) {
            return Optional.empty();
        }
        for (Resolution r : resolutions.getResolutionsPerAuthority()) {
            String authority = r == null || r.getAuthority() == null ? "" : r.getAuthority();
            boolean isDynamic = authority.startsWith(DYNAMIC_AUTHORITY);
            if (!authority.startsWith(STATIC_AUTHORITY)
                    || isDynamic != dynamic
                    || r.getStatus() == null
                    || r.getStatus().getCode() != StatusCode.ER_SUCCESS_MATCH) {
                continue;
            }
            List<ValueWrapper> values = r.getValues();
            if (values == null) {
                continue;
            }
            for (ValueWrapper w : values) {
                Value v = w == null ? null : w.getValue();
                if (v != null
                        && v.getId() != null
                        && !v.getId().isBlank()
                        && v.getId().length() <= MAX_ID_LENGTH) {
                    return Optional.of(new Entity(v.getId(), v.getName() == null ? "" : v.getName()));
                }
            }
        }
        return Optional.empty();
    }

    /** Every slot's value, for remembering an unfinished intent; over-long values are left out. */
    public static Map<String, String> values(Intent intent) {
        Map<String, String> out = new LinkedHashMap<>();
        if (intent != null && intent.getSlots() != null) {
            intent.getSlots().forEach((name, slot) -> {
                String v = slot == null ? null : rawValue(slot);
                if (name != null && v != null && !v.isBlank() && v.length() <= MAX_VALUE_LENGTH) {
                    out.put(name, v.strip());
                }
            });
        }
        return out;
    }

    /** The intent {@code pending} asked about, its slot values as they were and {@code answer} in the asked slot. */
    public static Intent completed(Pending pending, Slot answer) {
        Intent.Builder b = Intent.builder().withName(pending.intent());
        pending.slots()
                .forEach((slot, value) -> b.putSlotsItem(
                        slot, Slot.builder().withName(slot).withValue(value).build()));
        if (answer != null) {
            b.putSlotsItem(
                    pending.fill(),
                    Slot.builder()
                            .withName(pending.fill())
                            .withValue(rawValue(answer))
                            .withResolutions(resolutions(answer))
                            .build());
        }
        return b.build();
    }

    /**
     * An AMAZON.NUMBER slot as an integer; empty when absent, "?" (Alexa did not understand a
     * number) or not an integer of at most nine digits.
     */
    public static Optional<Integer> number(Intent intent, String name) {
        return value(intent, name)
                .filter(v -> WHOLE_NUMBER.matcher(v).matches())
                .map(Integer::valueOf);
    }
}
