package fr.prevexp.engine;

import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a partner can put in an event is either {@link PersonalData} (encrypted with the
 * dossier's key, erasable) or known not to be personal, with the reason: a new free-text field
 * cannot slip into the log in clear unnoticed. The procedure's own events (written by the engine,
 * never by a partner) are not searched.
 */
class PersonalDataFieldsTest {
    /** Texts of partners' acts that are not personal data, and why. */
    static final Map<String, String> NOT_PERSONAL = Map.of(
            "CaseOpened.caseId", "an id", "CaseOpened.reference", "the dossier's reference (DOS-... or the partner's own)",
            "CaseOpened.territory", "an INSEE code of a commune", "CaseOpened.partners", "organisation ids",
            "Landlord.organisation", "an organisation id", "PartnerDesignated.organisation", "an organisation id",
            "SummonsServed.court", "a court's name", "HouseholdRehoused.by", "the organisation that rehouses",
            "SocialDiagnosisRequested.requestedFrom", "the service asked for the diagnosis");

    @Test
    void everyTextOfAnActIsPersonalOrKnownNotToBe() {
        Map<String, PersonalData.Kind> personal = new TreeMap<>();
        Set<String> unmarked = new TreeSet<>();
        for (ActType type : ActType.values()) {
            if (type.trades().equals(Set.of(Trade.PROCEDURE))) continue;
            walk(type.eventClass(), personal, unmarked);
        }
        assertThat(personal).containsOnlyKeys("Household.name", "Household.address", "Household.phone", "Landlord.name",
                "CcapexExamined.opinion", "CcapexExamined.recommendations", "CcapexReferralReceived.referredBy",
                "CcapexReferralReceived.reason", "SocialDiagnosisNotDelivered.reason");
        unmarked.removeIf(field -> field.endsWith(".caseId"));
        assertThat(unmarked).as("texts neither @PersonalData nor known not to be").isSubsetOf(NOT_PERSONAL.keySet());
    }

    private static void walk(Class<?> type, Map<String, PersonalData.Kind> personal, Set<String> unmarked) {
        for (RecordComponent c : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + c.getName();
            PersonalData mark = c.getAnnotation(PersonalData.class);
            if (mark != null) {
                personal.put(name, mark.value());
            } else if (c.getType() == String.class || (c.getGenericType() instanceof ParameterizedType p
                    && Arrays.asList(p.getActualTypeArguments()).contains(String.class))) {
                unmarked.add(name);
            } else if (c.getType().isRecord() && c.getType() != RecordedBy.class) {
                walk(c.getType(), personal, unmarked);
            }
        }
    }
}
