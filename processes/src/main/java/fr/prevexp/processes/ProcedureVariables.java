package fr.prevexp.processes;

import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process variables an act gives the procedure: {@code <act>On} (its legal date) and
 * {@code <act><Field>} for its dates, numbers, booleans and codes ({@code summonsServedHearingOn},
 * {@code judgmentDeliveredOutcome}). Free text and amounts are never copied: process variables hold
 * no personal data, only ids, dates and codes.
 */
public final class ProcedureVariables {
    private ProcedureVariables() {
    }

    public static String prefix(CaseEvent event) {
        String name = event.getClass().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    public static Map<String, Object> of(CaseEvent event) {
        Map<String, Object> variables = new LinkedHashMap<>();
        String prefix = prefix(event);
        variables.put(prefix + "On", event.occurredOn().toString());
        variables.put("lastActOn", event.occurredOn().toString());
        if (event instanceof CaseOpened) return variables;
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            String field = component.getName();
            if (field.equals("caseId") || field.equals("occurredOn") || field.equals("recordedBy")) continue;
            Object value;
            try {
                value = component.getAccessor().invoke(event);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = prefix + Character.toUpperCase(field.charAt(0)) + field.substring(1);
            if (value instanceof LocalDate date) variables.put(name, date.toString());
            else if (value instanceof Enum<?> code) variables.put(name, code.name());
            else if (value instanceof Integer || value instanceof Boolean) variables.put(name, value);
        }
        return variables;
    }

    /** The variables a dossier's procedure starts with: ids, dates, codes and the département's settings. */
    public static Map<String, Object> start(CaseOpened opened, DepartementSettings.Settings settings) {
        Map<String, Object> variables = new LinkedHashMap<>(of(opened));
        variables.put("caseId", opened.caseId());
        variables.put("territory", opened.territory());
        variables.put("departement", opened.departement());
        variables.put("parc", opened.parc().name());
        variables.put("landlordKind", opened.landlord().kind().name());
        variables.put("leaseSignedOn", opened.leaseSignedOn() == null ? null : opened.leaseSignedOn().toString());
        variables.put("daloLargeAgglomeration", settings.isDaloLargeAgglomeration());
        variables.put("ccapexReportArrearsMonthsBefore", settings.getCcapexReportArrearsMonthsBefore());
        variables.put("alsaceMoselle", settings.isAlsaceMoselle());
        return variables;
    }
}
