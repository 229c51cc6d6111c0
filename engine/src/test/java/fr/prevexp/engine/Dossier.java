package fr.prevexp.engine;

import fr.prevexp.engine.events.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds the events of a test dossier along the procedure, with realistic dates. */
final class Dossier {
    static final String ID = "case-1";
    static final RecordedBy CCAPEX = new RecordedBy(Trade.CCAPEX, "ddets-93", "secretariat");
    static final RecordedBy COMMISSAIRE = new RecordedBy(Trade.COMMISSAIRE, "etude-durand", "j.durand");
    static final RecordedBy BAILLEUR = new RecordedBy(Trade.BAILLEUR, "oph-93", "gestion");
    static final RecordedBy CAF = new RecordedBy(Trade.CAF, "caf-93", "agent");
    static final RecordedBy SOCIAL = new RecordedBy(Trade.SERVICE_SOCIAL, "cd-93", "as");
    static final RecordedBy PREFECTURE = new RecordedBy(Trade.PREFECTURE, "pref-93", "bureau-expulsions");
    static final RecordedBy BDF = new RecordedBy(Trade.BANQUE_DE_FRANCE, "bdf-93", "surendettement");
    static final RecordedBy COMED = new RecordedBy(Trade.COMED, "comed-93", "secretariat-dalo");
    static final RecordedBy AUDITOR = new RecordedBy(Trade.AUDITOR, "dihal", "auditeur");
    static final RecordedBy PROCEDURE = RecordedBy.procedure();

    static CaseOpened opened(Parc parc) {
        return new CaseOpened(ID, d("2024-01-10"), CCAPEX, "DOS-1", CaseSource.CAF, parc, "93066", d("2019-05-01"),
                new Household("Famille Martin", "1 rue de Paris", 3, null),
                new Landlord(parc == Parc.PUBLIC ? LandlordKind.SOCIAL : LandlordKind.PRIVATE_PERSON, "Bailleur", "oph-93"),
                new BigDecimal("650.00"), new BigDecimal("80.00"), new BigDecimal("1950.00"));
    }

    static PaymentOrderServed paymentOrder() { return new PaymentOrderServed(ID, d("2024-02-01"), COMMISSAIRE, new BigDecimal("2100.00")); }
    static SummonsServed summons() { return new SummonsServed(ID, d("2024-04-02"), COMMISSAIRE, d("2024-06-20"), "TJ Bobigny"); }
    static HearingHeld hearing() { return new HearingHeld(ID, d("2024-06-20"), COMMISSAIRE, true); }
    static JudgmentDelivered judgment(JudgmentDelivered.Outcome outcome) {
        return new JudgmentDelivered(ID, d("2024-07-15"), COMMISSAIRE, outcome,
                outcome == JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS ? 24 : null, null);
    }
    static NoticeToQuitServed noticeToQuit() { return new NoticeToQuitServed(ID, d("2024-09-02"), COMMISSAIRE); }
    static PoliceAssistanceRequested policeRequested() { return new PoliceAssistanceRequested(ID, d("2024-11-05"), COMMISSAIRE); }
    static PoliceAssistanceGranted policeGranted() { return new PoliceAssistanceGranted(ID, d("2025-01-10"), PREFECTURE, d("2025-04-01")); }

    /** The events of a dossier brought up to a stage of the main line (private parc). */
    static List<CaseEvent> upTo(Stage stage) {
        return upTo(stage, Parc.PRIVATE);
    }

    static List<CaseEvent> upTo(Stage stage, Parc parc) {
        List<CaseEvent> events = new ArrayList<>(List.of(opened(parc)));
        List<CaseEvent> line = List.of(paymentOrder(), summons(), hearing(), judgment(JudgmentDelivered.Outcome.TERMINATION),
                noticeToQuit(), policeRequested(), policeGranted());
        List<Stage> stages = List.of(Stage.PAYMENT_ORDER, Stage.SUMMONS, Stage.HEARING, Stage.JUDGMENT, Stage.NOTICE_TO_QUIT,
                Stage.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_GRANTED);
        if (stage == Stage.PRE_LITIGATION) return events;
        for (int i = 0; i < line.size(); i++) {
            events.add(line.get(i));
            if (stages.get(i) == stage) return events;
        }
        throw new IllegalArgumentException("not a main-line stage: " + stage);
    }

    static List<CaseEvent> plus(List<CaseEvent> events, CaseEvent... more) {
        List<CaseEvent> all = new ArrayList<>(events);
        all.addAll(List.of(more));
        return all;
    }

    /** The same act with one field (a record component) replaced, e.g. {@code with(act, "recordedBy", AUDITOR)}. */
    static CaseEvent with(CaseEvent act, String field, Object value) {
        var components = act.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean replaced = components[i].getName().equals(field);
                found |= replaced;
                values[i] = replaced ? value : components[i].getAccessor().invoke(act);
            }
            if (!found) throw new IllegalArgumentException(act.getClass().getSimpleName() + " has no field " + field);
            return (CaseEvent) act.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private Dossier() {
    }
}
