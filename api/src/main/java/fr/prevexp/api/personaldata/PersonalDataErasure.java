package fr.prevexp.api.personaldata;

import fr.prevexp.api.cases.DossierCommands;
import fr.prevexp.engine.ErasureGround;
import fr.prevexp.engine.RecordedBy;
import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.PersonalDataErased;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Erases a dossier's personal data (<i>effacement des données personnelles</i>): deletes its key, then
 * records {@link PersonalDataErased} (with an idempotency key per erased key: sending it again records
 * nothing new). The rest of the dossier (acts, dates, amounts, stage, procedure, indicators) stays as it was.
 */
@Service
public class PersonalDataErasure {
    private final PersonalDataKeys keys;
    private final DossierCommands commands;
    private final Clock clock;

    public PersonalDataErasure(PersonalDataKeys keys, DossierCommands commands, Clock clock) {
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
    }

    /** What an erasure did: the event recorded (or recorded by an earlier erasure of the same key). */
    public record Erasure(String caseId, LocalDate erasedOn, ErasureGround ground, String groundLabel, boolean alreadyErased) {
    }

    /** Erases; the caller has checked the dossier exists and who may do it. */
    public Erasure erase(String caseId, RecordedBy by, ErasureGround ground) {
        String keyId = keys.erase(caseId, ground);
        LocalDate today = LocalDate.ofInstant(clock.instant(), EvictionCase.LEGAL_ZONE);
        PersonalDataErased event = new PersonalDataErased(caseId, today, by, ground);
        Recorded recorded = commands.send(new RecordAct(caseId, event, "personal-data-erased:" + keyId, "personal-data-erased:" + keyId));
        PersonalDataErased stored = (PersonalDataErased) recorded.events().get(0);
        return new Erasure(caseId, stored.occurredOn(), stored.ground(), stored.ground().french(), recorded.replayed());
    }
}
