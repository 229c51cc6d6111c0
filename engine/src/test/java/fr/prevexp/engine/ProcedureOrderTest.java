package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/** The order of the procedure: what the dossier refuses, and the stage the refusal names. */
class ProcedureOrderTest {
    private AggregateTestFixture<EvictionCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
    }

    @ParameterizedTest(name = "an order to leave at {0} is refused")
    @EnumSource(value = Stage.class, names = {"PRE_LITIGATION", "PAYMENT_ORDER", "SUMMONS", "HEARING"})
    void anOrderToLeaveWithNoJudgmentIsRefusedWithTheStage(Stage stage) {
        fixture.given(upTo(stage).toArray())
                .when(new RecordAct(noticeToQuit()))
                .expectNoEvents()
                .expectException(refusedAt(stage))
                .expectExceptionMessage(allOf(containsString("refusé à l'étape " + stage), containsString(stage.french()),
                        containsString("jugement qui résilie le bail")));
    }

    @ParameterizedTest(name = "an order to leave after a judgment {0} is refused")
    @EnumSource(value = JudgmentDelivered.Outcome.class, names = {"REJECTED", "STRUCK_OUT"})
    void anOrderToLeaveAfterAJudgmentThatKeepsTheLeaseIsRefused(JudgmentDelivered.Outcome outcome) {
        fixture.given(plus(upTo(Stage.HEARING), judgment(outcome)).toArray())
                .when(new RecordAct(noticeToQuit()))
                .expectNoEvents()
                .expectException(refusedAt(Stage.JUDGMENT));
    }

    @Test
    void anOrderToLeaveFollowsAConditionalJudgment() {
        fixture.given(plus(upTo(Stage.HEARING), judgment(JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS)).toArray())
                .when(new RecordAct(noticeToQuit()))
                .expectEvents(noticeToQuit());
    }

    @Test
    void aSecondOrderToLeaveIsRefused() {
        fixture.given(upTo(Stage.NOTICE_TO_QUIT).toArray())
                .when(new RecordAct(new NoticeToQuitServed(ID, d("2024-09-10"), COMMISSAIRE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.NOTICE_TO_QUIT));
    }

    @ParameterizedTest(name = "police assistance decided at {0} without a request is refused")
    @EnumSource(value = Stage.class, names = {"PRE_LITIGATION", "JUDGMENT", "NOTICE_TO_QUIT"})
    void policeAssistanceDecisionsWithoutARequestAreRefused(Stage stage) {
        for (CaseEvent decision : List.of(policeGranted(), new PoliceAssistanceRefused(ID, d("2024-12-20"), PREFECTURE),
                new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE))) {
            fixture.given(upTo(stage).toArray())
                    .when(new RecordAct(decision))
                    .expectNoEvents()
                    .expectException(refusedAt(stage));
        }
    }

    @Test
    void policeAssistanceIsGrantedOnce() {
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_GRANTED).toArray())
                .when(new RecordAct(new PoliceAssistanceGranted(ID, d("2025-01-20"), PREFECTURE, null)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.POLICE_ASSISTANCE_GRANTED));
    }

    @Test
    void thePrefetMayStillGrantAfterAnImplicitRefusal() {
        fixture.given(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE)).toArray())
                .when(new RecordAct(new PoliceAssistanceGranted(ID, d("2025-02-10"), PREFECTURE, d("2025-04-01"))))
                .expectEvents(new PoliceAssistanceGranted(ID, d("2025-02-10"), PREFECTURE, d("2025-04-01")));
        fixture.given(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE)).toArray())
                .when(new RecordAct(new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-07"), PROCEDURE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.POLICE_ASSISTANCE_REFUSED));
    }

    @ParameterizedTest(name = "an eviction at {0} is refused")
    @EnumSource(value = Stage.class, names = {"JUDGMENT", "NOTICE_TO_QUIT", "POLICE_ASSISTANCE_REQUESTED"})
    void anEvictionWithoutGrantedAssistanceIsRefused(Stage stage) {
        fixture.given(upTo(stage).toArray())
                .when(new RecordAct(new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true)))
                .expectNoEvents()
                .expectException(refusedAt(stage))
                .expectExceptionMessage(containsString("concours de la force publique accordé"));
        fixture.given(upTo(stage).toArray())
                .when(new RecordAct(new EvictionScheduled(ID, d("2025-04-02"), COMMISSAIRE, d("2025-04-15"))))
                .expectNoEvents()
                .expectException(refusedAt(stage));
    }

    @Test
    void anEvictionAfterARefusedAssistanceIsRefused() {
        fixture.given(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceRefused(ID, d("2024-12-20"), PREFECTURE)).toArray())
                .when(new RecordAct(new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.POLICE_ASSISTANCE_REFUSED));
    }

    @Test
    void theCourtStillHearsAndRulesAfterTheHouseholdLeft() {
        List<CaseEvent> left = plus(upTo(Stage.SUMMONS), new KeysReturned(ID, d("2024-05-01"), BAILLEUR));
        HearingHeld hearing = new HearingHeld(ID, d("2024-06-20"), COMMISSAIRE, false);
        JudgmentDelivered judgment = new JudgmentDelivered(ID, d("2024-07-15"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, null, null);
        fixture.given(left.toArray()).when(new RecordAct(hearing)).expectEvents(hearing);
        fixture.given(plus(left, hearing).toArray()).when(new RecordAct(judgment)).expectEvents(judgment);
        assertThat(CaseState.of(plus(plus(left, hearing), judgment)).stage()).isEqualTo(Stage.LEFT);
        // Without a pending summons, or once the court has ruled, there is nothing for the court to do.
        fixture.given(plus(upTo(Stage.PAYMENT_ORDER), new KeysReturned(ID, d("2024-03-01"), BAILLEUR)).toArray())
                .when(new RecordAct(hearing)).expectNoEvents().expectException(refusedAt(Stage.LEFT));
        JudgmentDelivered afterDeparture = new JudgmentDelivered(ID, d("2024-08-20"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, null, null);
        fixture.given(plus(plus(upTo(Stage.JUDGMENT), new KeysReturned(ID, d("2024-08-01"), BAILLEUR))).toArray())
                .when(new RecordAct(afterDeparture)).expectNoEvents().expectException(refusedAt(Stage.LEFT));
        // A second judgment dated before the departure is judged where it falls: the court had already ruled.
        fixture.given(plus(plus(upTo(Stage.JUDGMENT), new KeysReturned(ID, d("2024-08-01"), BAILLEUR))).toArray())
                .when(new RecordAct(judgment)).expectNoEvents().expectException(refusedAt(Stage.JUDGMENT));
    }

    @Test
    void aPoliceRequestRecordedAfterTheDepartureButDatedBeforeItIsPlacedAtItsDate() {
        List<CaseEvent> left = plus(upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-12-01"), BAILLEUR));
        fixture.given(left.toArray())
                .when(new RecordAct(policeRequested()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(policeRequested());
        assertThat(CaseState.of(plus(left, policeRequested())).stage()).as("the stage of the latest act by legal date").isEqualTo(Stage.LEFT);
        // Dated after the departure, it is impossible: refused with the stage as of its date.
        fixture.given(left.toArray())
                .when(new RecordAct(new PoliceAssistanceRequested(ID, d("2024-12-02"), COMMISSAIRE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.LEFT))
                .expectExceptionMessage(containsString("commandement de quitter les lieux"));
        // The préfet's grant, recorded after the departure but dated before it, follows the request.
        List<CaseEvent> requested = plus(left, policeRequested());
        PoliceAssistanceGranted grant = new PoliceAssistanceGranted(ID, d("2024-11-20"), PREFECTURE, null);
        fixture.given(requested.toArray()).when(new RecordAct(grant)).expectEvents(grant);
        assertThat(CaseState.of(plus(requested, grant)).stage()).isEqualTo(Stage.LEFT);
    }

    @Test
    void departureDatedBeforeActsThatNeedTheHouseholdInPlaceIsRefused() {
        // The household cannot leave on 1 October if the police was required on 5 November to evict it.
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_REQUESTED).toArray())
                .when(new RecordAct(new KeysReturned(ID, d("2024-10-01"), BAILLEUR)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.NOTICE_TO_QUIT))
                .expectExceptionMessage(allOf(containsString("rendrait impossible l'acte PoliceAssistanceRequested du 2024-11-05"), containsString("commandement de quitter les lieux")));
        KeysReturned after = new KeysReturned(ID, d("2024-11-06"), BAILLEUR);
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_REQUESTED).toArray()).when(new RecordAct(after)).expectEvents(after);
    }

    @Test
    void anOrderToLeaveDatedBeforeAnyJudgmentIsRefusedWithTheStageAtItsDate() {
        NoticeToQuitServed early = new NoticeToQuitServed(ID, d("2024-05-02"), COMMISSAIRE);
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_REQUESTED).toArray())
                .when(new RecordAct(early))
                .expectNoEvents()
                .expectException(refusedAt(Stage.SUMMONS))
                .expectExceptionMessage(containsString("jugement qui résilie le bail"));
        // A judgment recorded after the order to leave: at its date the court has already ruled.
        JudgmentDelivered again = new JudgmentDelivered(ID, d("2024-08-01"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, null, null);
        fixture.given(upTo(Stage.NOTICE_TO_QUIT).toArray())
                .when(new RecordAct(again))
                .expectNoEvents()
                .expectException(refusedAt(Stage.JUDGMENT));
    }

    @Test
    void aHearingRecordedAfterTheJudgmentButDatedBeforeItIsPlacedAtItsDate() {
        List<CaseEvent> judgedWithoutHearing = plus(upTo(Stage.SUMMONS), judgment(JudgmentDelivered.Outcome.TERMINATION));
        fixture.given(judgedWithoutHearing.toArray()).when(new RecordAct(hearing())).expectEvents(hearing());
        CaseState state = CaseState.of(plus(judgedWithoutHearing, hearing()));
        assertThat(state.stage()).isEqualTo(Stage.JUDGMENT);
        assertThat(state.judgmentOutcome()).isEqualTo(JudgmentDelivered.Outcome.TERMINATION);
        // The order to leave follows the judgment whatever the order the court's acts were recorded in.
        fixture.given(plus(judgedWithoutHearing, hearing()).toArray()).when(new RecordAct(noticeToQuit())).expectEvents(noticeToQuit());
    }

    @Test
    void aGrantDatedInsideTheWindowAfterAnImplicitRefusalVoidsIt() {
        List<CaseEvent> silence = plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE));
        PoliceAssistanceGranted inTime = new PoliceAssistanceGranted(ID, d("2024-12-20"), PREFECTURE, d("2025-04-01"));
        fixture.given(silence.toArray()).when(new RecordAct(inTime)).expectEvents(inTime);
        assertThat(CaseState.of(plus(silence, inTime)).stage()).isEqualTo(Stage.POLICE_ASSISTANCE_GRANTED);
        EvictionCarriedOut eviction = new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true);
        fixture.given(plus(silence, inTime).toArray()).when(new RecordAct(eviction)).expectEvents(eviction);
    }

    @Test
    void aHouseholdIsEvictedOrLeavesOnce() {
        List<CaseEvent> evicted = plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED), new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true));
        fixture.given(evicted.toArray())
                .when(new RecordAct(new EvictionCarriedOut(ID, d("2025-04-16"), COMMISSAIRE, true)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.EVICTED));
        fixture.given(plus(upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-10-01"), BAILLEUR)).toArray())
                .when(new RecordAct(new KeysReturned(ID, d("2024-10-02"), COMMISSAIRE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.LEFT));
    }

    @Test
    void aSecondOpeningIsRefusedWithTheCurrentStage() {
        fixture.given(upTo(Stage.SUMMONS).toArray())
                .when(new OpenCase(opened(Parc.PRIVATE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.SUMMONS));
        fixture.given(upTo(Stage.SUMMONS).toArray())
                .when(new RecordAct(opened(Parc.PRIVATE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.SUMMONS));
    }

    @Test
    void nothingFollowsTheClosureNotEvenAReopeningNorTheProceduresOwnActs() {
        List<CaseEvent> closed = plus(upTo(Stage.PAYMENT_ORDER), new CaseClosed(ID, d("2024-03-01"), CCAPEX, CaseOutcome.DEBT_CLEARED));
        fixture.given(closed.toArray())
                .when(new OpenCase(opened(Parc.PRIVATE)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.CLOSED));
        fixture.given(closed.toArray())
                .when(new RecordAct(new DeadlineElapsed(ID, d("2024-04-02"), PROCEDURE, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01"))))
                .expectNoEvents()
                .expectException(refusedAt(Stage.CLOSED))
                .expectExceptionMessage(containsString("clos"));
        fixture.given(closed.toArray())
                .when(new RecordAct(new CaseClosed(ID, d("2024-03-02"), CCAPEX, CaseOutcome.OTHER)))
                .expectNoEvents()
                .expectException(refusedAt(Stage.CLOSED));
    }

    @Test
    void anActOnADossierNeverOpenedOpensNothing() {
        fixture.givenNoPriorActivity()
                .when(new RecordAct(paymentOrder()))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void afterARejectedClaimTheLandlordMayStartAgain() {
        List<CaseEvent> rejected = plus(upTo(Stage.HEARING), judgment(JudgmentDelivered.Outcome.REJECTED));
        SummonsServed again = new SummonsServed(ID, d("2024-09-02"), COMMISSAIRE, d("2024-12-02"), "TJ Bobigny");
        fixture.given(rejected.toArray())
                .when(new RecordAct(again))
                .expectEvents(again);
        fixture.given(upTo(Stage.JUDGMENT).toArray())
                .when(new RecordAct(again))
                .expectNoEvents()
                .expectException(refusedAt(Stage.JUDGMENT));
    }

    @Test
    void aProtocolIsForSocialHousingAfterTermination() {
        SocialCohesionProtocolSigned protocol = new SocialCohesionProtocolSigned(ID, d("2024-08-01"), BAILLEUR, 24);
        fixture.given(upTo(Stage.JUDGMENT, Parc.PRIVATE).toArray())
                .when(new RecordAct(protocol))
                .expectNoEvents()
                .expectException(refusedAt(Stage.JUDGMENT))
                .expectExceptionMessage(containsString("parc public"));
        fixture.given(upTo(Stage.HEARING, Parc.PUBLIC).toArray())
                .when(new RecordAct(protocol))
                .expectNoEvents()
                .expectException(refusedAt(Stage.HEARING));
    }

    private static Matcher<Throwable> refusedAt(Stage stage) {
        return Matchers.predicate(e -> e instanceof ActRefusedException refused && refused.stage() == stage);
    }
}
