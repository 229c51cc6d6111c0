package fr.prevexp.api.security;

import fr.prevexp.engine.PersonalData;
import fr.prevexp.engine.Trade;

import java.util.Set;

/**
 * Where {@link DossierAccess} records each reading of a dossier (<i>journal des consultations</i>);
 * kept by {@code fr.prevexp.api.personaldata.ConsultationJournal}, apart from the dossier's log.
 */
public interface ReadingJournal {
    void record(String caseId, String login, Trade trade, String organisation, String what, Set<PersonalData.Kind> shown);
}
