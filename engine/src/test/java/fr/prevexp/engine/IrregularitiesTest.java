package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;

/**
 * Irregular but real acts are recorded and flagged, never refused; and regular acts on the edges
 * of a rule are not flagged.
 */
class IrregularitiesTest {
    private AggregateTestFixture<EvictionCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-06-15T09:00:00Z"));
    }

    /** A dossier where police assistance was granted on 10 April 2025, execution possible from 1 June 2025. */
    private static List<CaseEvent> grantedFromJune() {
        return plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceGranted(ID, d("2025-04-10"), PREFECTURE, d("2025-06-01")));
    }

    private void evictionOn(List<CaseEvent> given, String day, Irregularity... expected) {
        EvictionCarriedOut eviction = new EvictionCarriedOut(ID, d(day), COMMISSAIRE, false);
        fixture.given(given.toArray())
                .when(new RecordAct(eviction))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.predicate(
                        (List<?> payloads) -> recordedWithFlags(payloads, eviction, List.of(expected)))))
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Recorded rec && !rec.replayed()
                        && recordedWithFlags(rec.events(), eviction, List.of(expected))));
    }

    /** The act first, then exactly these flags in this order, each on the act's date, naming the act. */
    private static boolean recordedWithFlags(List<?> events, CaseEvent act, List<Irregularity> codes) {
        if (events.size() != 1 + codes.size() || !events.get(0).equals(act)) return false;
        for (int i = 0; i < codes.size(); i++) {
            if (!(events.get(i + 1) instanceof IrregularityFlagged f) || f.code() != codes.get(i)
                    || !f.occurredOn().equals(act.occurredOn()) || !f.caseId().equals(ID)
                    || !f.act().equals(act.getClass().getSimpleName()) || f.detail().isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anEvictionOnTheSecondOfDecemberIsRecordedAndFlaggedForTheWinterTruce() {
        evictionOn(grantedFromJune(), "2025-12-02", Irregularity.EVICTION_DURING_WINTER_TRUCE);
    }

    @Test
    void theWinterTruceRunsFromTheFirstOfNovemberToTheThirtyFirstOfMarchInclusive() {
        List<CaseEvent> granted = plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceGranted(ID, d("2024-12-20"), PREFECTURE, null));
        evictionOn(granted, "2025-10-31");
        evictionOn(granted, "2025-11-01", Irregularity.EVICTION_DURING_WINTER_TRUCE);
        evictionOn(granted, "2025-03-31", Irregularity.EVICTION_DURING_WINTER_TRUCE);
        evictionOn(granted, "2025-04-01");
    }

    @Test
    void anEvictionBeforeTheExecutionDateIsRecordedAndFlagged() {
        evictionOn(grantedFromJune(), "2025-05-15", Irregularity.EVICTION_BEFORE_EXECUTION_DATE);
        evictionOn(grantedFromJune(), "2025-06-01");
    }

    @Test
    void anEvictionDuringAnOverIndebtednessSuspensionIsRecordedAndFlagged() {
        List<CaseEvent> suspended = plus(grantedFromJune(),
                new OverIndebtednessFileAdmitted(ID, d("2025-04-20"), BDF),
                new EvictionMeasuresSuspended(ID, d("2025-05-02"), BDF, d("2025-09-30")));
        evictionOn(suspended, "2025-07-01", Irregularity.EVICTION_DURING_SUSPENSION);
        evictionOn(suspended, "2025-09-30", Irregularity.EVICTION_DURING_SUSPENSION);
        evictionOn(suspended, "2025-10-01");
    }

    @Test
    void anAdmissibleOverIndebtednessFileAloneDoesNotStopAnEviction() {
        evictionOn(plus(grantedFromJune(), new OverIndebtednessFileAdmitted(ID, d("2025-04-20"), BDF)), "2025-07-01");
    }

    @Test
    void everyRuleAnEvictionBreaksIsFlagged() {
        List<CaseEvent> suspended = plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED),
                new PoliceAssistanceGranted(ID, d("2025-01-10"), PREFECTURE, d("2025-06-01")),
                new OverIndebtednessFileAdmitted(ID, d("2025-01-20"), BDF),
                new EvictionMeasuresSuspended(ID, d("2025-02-01"), BDF, d("2025-08-01")));
        evictionOn(suspended, "2025-02-10", Irregularity.EVICTION_DURING_WINTER_TRUCE,
                Irregularity.EVICTION_BEFORE_EXECUTION_DATE, Irregularity.EVICTION_DURING_SUSPENSION);
    }

    @Test
    void anEvictionDatedBeforeTheGrantIsFlagged() {
        evictionOn(grantedFromJune(), "2025-04-09",
                Irregularity.ACT_DATED_BEFORE_PREREQUISITE, Irregularity.EVICTION_BEFORE_EXECUTION_DATE);
    }

    @Test
    void aSummonsDatedBeforeThePaymentOrderIsRecordedAndFlagged() {
        SummonsServed early = new SummonsServed(ID, d("2024-01-25"), COMMISSAIRE, d("2024-05-20"), null);
        fixture.given(upTo(Stage.PAYMENT_ORDER).toArray())
                .when(new RecordAct(early))
                .expectSuccessfulHandlerExecution()
                .expectEvents(early, new IrregularityFlagged(ID, d("2024-01-25"), PROCEDURE, Irregularity.ACT_DATED_BEFORE_PREREQUISITE,
                        "SummonsServed", "SummonsServed dated 2024-01-25 is before PaymentOrderServed dated 2024-02-01"));
        SummonsServed sameDay = new SummonsServed(ID, d("2024-02-01"), COMMISSAIRE, d("2024-05-20"), null);
        fixture.given(upTo(Stage.PAYMENT_ORDER).toArray())
                .when(new RecordAct(sameDay))
                .expectEvents(sameDay);
    }

    @Test
    void everyActDatedBeforeTheActItFollowsIsFlagged() {
        record Case(List<CaseEvent> given, CaseEvent act, String prerequisite) {
        }
        for (Case c : List.of(
                new Case(upTo(Stage.SUMMONS), new HearingHeld(ID, d("2024-04-01"), COMMISSAIRE, false), "SummonsServed"),
                new Case(upTo(Stage.SUMMONS), new JudgmentDelivered(ID, d("2024-04-01"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, null, null), "SummonsServed"),
                new Case(upTo(Stage.JUDGMENT), new NoticeToQuitServed(ID, d("2024-07-14"), COMMISSAIRE), "JudgmentDelivered"),
                new Case(upTo(Stage.NOTICE_TO_QUIT), new PoliceAssistanceRequested(ID, d("2024-09-01"), COMMISSAIRE), "NoticeToQuitServed"),
                new Case(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceGranted(ID, d("2024-11-04"), PREFECTURE, null), "PoliceAssistanceRequested"),
                new Case(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceRefused(ID, d("2024-11-04"), PREFECTURE), "PoliceAssistanceRequested"))) {
            fixture.given(c.given().toArray())
                    .when(new RecordAct(c.act()))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.predicate((List<?> payloads) ->
                            recordedWithFlags(payloads, c.act(), List.of(Irregularity.ACT_DATED_BEFORE_PREREQUISITE))
                                    && ((IrregularityFlagged) payloads.get(1)).detail().contains("before " + c.prerequisite()))));
        }
    }
}
