package fr.prevexp.api.personaldata;

import fr.prevexp.api.security.ReadingJournal;
import fr.prevexp.engine.PersonalData;
import fr.prevexp.engine.Trade;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

/** Records every reading of a dossier in the journal of consultations (<i>journal des consultations</i>). */
@Service
public class ConsultationJournal implements ReadingJournal {
    private final ConsultationRepository entries;
    private final Clock clock;

    public ConsultationJournal(ConsultationRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** One reading: committed on its own, before the answer leaves (a read that cannot be journalled is not answered). */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String caseId, String login, Trade trade, String organisation, String what, Set<PersonalData.Kind> shown) {
        String kinds = shown.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        entries.save(new ConsultationEntry(caseId, clock.instant(), login, trade, organisation, what, kinds));
    }
}
