package fr.prevexp.projections.cases;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The case view folds corrections: the corrected truth today, and as of any date by legal date. */
class CaseViewCorrectionTest {
    static final String ID = "c1";
    static final RecordedBy P = RecordedBy.procedure();
    static final RecordedBy C = new RecordedBy(Trade.COMMISSAIRE, "etude");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The préfet's grant dated 20 December, recorded after the procedure concluded to his silence on 6 January. */
    private static final List<CaseEvent> LOG = List.of(
            new CaseOpened(ID, d("2024-01-10"), new RecordedBy(Trade.CCAPEX, "c"), "DOS-1", CaseSource.CAF, Parc.PRIVATE, "93066", null, null,
                    new Landlord(LandlordKind.PRIVATE_PERSON, "B", null), BigDecimal.ONE, null, BigDecimal.ONE),
            new SummonsServed(ID, d("2024-04-02"), C, d("2024-06-20"), null),
            new DeadlineScheduled(ID, d("2024-04-02"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-04-02"), d("2024-06-19")),
            new DeadlineElapsed(ID, d("2024-06-20"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-06-19")),
            new IrregularityFlagged(ID, d("2024-06-20"), P, Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING, "SummonsServed", "aucun DSF"),
            new JudgmentDelivered(ID, d("2024-07-15"), C, JudgmentDelivered.Outcome.TERMINATION, null, null),
            new NoticeToQuitServed(ID, d("2024-09-02"), C),
            new PoliceAssistanceRequested(ID, d("2024-11-05"), C),
            new DeadlineScheduled(ID, d("2024-11-05"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2024-11-05"), d("2025-01-05")),
            new DeadlineElapsed(ID, d("2025-01-06"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2025-01-05")),
            new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), P),
            new PoliceAssistanceGranted(ID, d("2024-12-20"), new RecordedBy(Trade.PREFECTURE, "pref"), null),
            new DeadlineCorrected(ID, d("2024-12-20"), P, DeadlineKind.POLICE_ASSISTANCE_DECISION, d("2025-01-05"), DeadlineStatus.MET,
                    "PoliceAssistanceGranted", "accordé dans le délai"),
            new ImplicitRefusalWithdrawn(ID, d("2024-12-20"), P, d("2025-01-06"), "PoliceAssistanceGranted", "accordé dans le délai"),
            new SocialDiagnosisDelivered(ID, d("2024-06-12"), new RecordedBy(Trade.SERVICE_SOCIAL, "cd"), null),
            new DeadlineCorrected(ID, d("2024-06-12"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-06-19"), DeadlineStatus.MET,
                    "SocialDiagnosisDelivered", "DSF transmis avant l'audience"),
            new IrregularityWithdrawn(ID, d("2024-06-12"), P, Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING, "SocialDiagnosisDelivered", "DSF"));

    private static DeadlineStatus status(CaseView view, DeadlineKind kind) {
        return view.deadlines().stream().filter(d -> d.kind() == kind).findFirst().orElseThrow().status();
    }

    @Test
    void todayTheViewShowsTheCorrectedTruth() {
        CaseView view = CaseView.fold(LOG);
        assertThat(status(view, DeadlineKind.POLICE_ASSISTANCE_DECISION)).isEqualTo(DeadlineStatus.MET);
        assertThat(status(view, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).isEqualTo(DeadlineStatus.MET);
        assertThat(view.irregularities()).isEmpty();
        assertThat(view.stage()).isEqualTo(Stage.POLICE_ASSISTANCE_GRANTED);
    }

    @Test
    void beforeTheCorrectionsWereRecordedTheViewShowedTheFirstConclusion() {
        CaseView view = CaseView.fold(LOG.subList(0, 11));
        assertThat(status(view, DeadlineKind.POLICE_ASSISTANCE_DECISION)).isEqualTo(DeadlineStatus.ELAPSED);
        assertThat(view.irregularities()).extracting(CaseView.IrregularityView::code)
                .containsExactly(Irregularity.SOCIAL_DIAGNOSIS_NOT_DELIVERED_BEFORE_HEARING);
        assertThat(view.stage()).isEqualTo(Stage.POLICE_ASSISTANCE_REFUSED);
    }

    @Test
    void asOfADateTheFoldOfActsByLegalDateAnswersWhatWasTrueThen() {
        // as the history endpoint does with asOf: the events dated on or before the date, in the order recorded
        CaseView asOf = CaseView.fold(LOG.stream().filter(e -> !e.occurredOn().isAfter(d("2024-12-31"))).toList());
        assertThat(status(asOf, DeadlineKind.POLICE_ASSISTANCE_DECISION)).as("granted on 20 December, window open to 5 January").isEqualTo(DeadlineStatus.MET);
        assertThat(asOf.stage()).isEqualTo(Stage.POLICE_ASSISTANCE_GRANTED);
        CaseView june = CaseView.fold(LOG.stream().filter(e -> !e.occurredOn().isAfter(d("2024-06-15"))).toList());
        assertThat(status(june, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING)).as("DSF delivered on 12 June").isEqualTo(DeadlineStatus.MET);
        assertThat(june.irregularities()).isEmpty();
    }

    @Test
    void aRescheduledDeadlineShowsItsNewDayAndThePostponedHearingItsNewDate() {
        List<CaseEvent> log = List.of(LOG.get(0), LOG.get(1), LOG.get(2),
                new HearingPostponed(ID, d("2024-06-10"), C, d("2024-09-12")),
                new DeadlineRescheduled(ID, d("2024-06-10"), P, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-06-19"), d("2024-09-11"),
                        "HearingPostponed", "audience renvoyée au 2024-09-12"));
        CaseView view = CaseView.fold(log);
        assertThat(view.deadlines()).singleElement().satisfies(dl -> {
            assertThat(dl.dueOn()).isEqualTo(d("2024-09-11"));
            assertThat(dl.status()).isEqualTo(DeadlineStatus.PENDING);
        });
        assertThat(view.hearingOn()).isEqualTo(d("2024-09-12"));
        assertThat(view.recentActs()).extracting(CaseView.ActSummary::type).doesNotContain("DeadlineRescheduled").contains("HearingPostponed");
        assertThat(CaseView.fold(log.subList(0, 3)).deadlines().get(0).dueOn()).as("before the renvoi").isEqualTo(d("2024-06-19"));
    }
}
