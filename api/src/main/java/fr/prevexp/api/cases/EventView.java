package fr.prevexp.api.cases;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.events.CaseEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.eventhandling.DomainEventMessage;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One recorded event of a dossier, as the API shows it (<i>acte enregistré</i>). */
@Schema(description = "Un acte ou événement enregistré au dossier (acte enregistré).")
public record EventView(
        @Schema(description = "Position in the dossier's stream, from 0") long sequence,
        @Schema(description = "Event name (the vocabulary of docs/domain.md)") String type,
        @Schema(description = "French legal term") String label,
        @Schema(description = "Legal date of the act") LocalDate occurredOn,
        @Schema(description = "When the act was recorded (UTC)") Instant recordedAt,
        RecordedBy recordedBy,
        @Schema(description = "The act's own fields") Map<String, Object> fields,
        @Schema(description = "Irregularities this act revealed (only in the answer to a recorded act)") List<EventView> irregularities,
        @Schema(description = "True when an idempotent re-send returned the first answer") Boolean replayed) {

    static EventView of(DomainEventMessage<?> message) {
        CaseEvent event = (CaseEvent) message.getPayload();
        ActType type = ActType.of(event);
        // The record's own values, not a JSON round trip: amounts keep their two decimals.
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (List.of("caseId", "occurredOn", "recordedBy").contains(component.getName())) continue;
            try {
                Object value = component.getAccessor().invoke(event);
                if (value != null) fields.put(component.getName(), value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return new EventView(message.getSequenceNumber(), type.typeName(), type.french(), event.occurredOn(),
                message.getTimestamp(), event.recordedBy(), fields, null, null);
    }

    EventView answer(List<EventView> irregularities, boolean replayed) {
        return new EventView(sequence, type, label, occurredOn, recordedAt, recordedBy, fields, irregularities, replayed);
    }
}
