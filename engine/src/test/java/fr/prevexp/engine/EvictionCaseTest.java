package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.*;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The dossier aggregate, given/when/then: every act of the vocabulary, legal and illegal. */
class EvictionCaseTest {
    private AggregateTestFixture<EvictionCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
    }

    static Stream<ActExamples.Example> examples() {
        return ActExamples.ALL.values().stream();
    }

    @Test
    void everyActOfTheVocabularyHasALegalExample() {
        List<ActType> missing = Arrays.stream(ActType.values())
                .filter(t -> t != ActType.CASE_OPENED && !ActExamples.ALL.containsKey(t)).toList();
        assertThat(missing).as("acts without a legal example in ActExamples").isEmpty();
        ActExamples.ALL.forEach((type, example) -> assertThat(ActType.of(example.act())).isEqualTo(type));
    }

    @Test
    void opensADossier() {
        CaseOpened opened = opened(Parc.PRIVATE);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(opened))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened)
                .expectResultMessagePayload(new Recorded(List.of(opened), false));
    }

    @Test
    void aDossierIsOpenedOnce() {
        fixture.given(opened(Parc.PRIVATE))
                .when(new OpenCase(opened(Parc.PRIVATE)))
                .expectNoEvents()
                .expectException(ActRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("déjà ouvert"));
    }

    @Test
    void anOpeningWithInvalidFieldsIsRefusedWithTheFields() {
        CaseOpened bad = new CaseOpened(ID, d("2024-01-10"), CCAPEX, "DOS-1", null, Parc.PRIVATE, "Saint-Denis", null,
                null, new Landlord(LandlordKind.PRIVATE_PERSON, "X", null), new BigDecimal("-1"), null, null);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(bad))
                .expectNoEvents()
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("source"),
                        org.hamcrest.Matchers.containsString("territory"), org.hamcrest.Matchers.containsString("monthlyRent")));
    }

    @ParameterizedTest(name = "{0} is recorded when the procedure allows it")
    @MethodSource("examples")
    void everyActIsRecordedWhenTheProcedureAllowsIt(ActExamples.Example example) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(example.act()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(example.act());
    }

    @ParameterizedTest(name = "{0} is refused at the wrong stage, with the stage")
    @MethodSource("examples")
    void everyActIsRefusedWhereTheProcedureForbidsIt(ActExamples.Example example) {
        if (example.refusedAfter() == null) return; // allowed at every stage of an open dossier: see the closure test
        fixture.given(example.refusedAfter().toArray())
                .when(new RecordAct(example.act()))
                .expectNoEvents()
                .expectException(refusedAt(example.refusedAt()));
    }

    @ParameterizedTest(name = "{0} is refused after the closure")
    @MethodSource("examples")
    void nothingIsRecordedAfterClosure(ActExamples.Example example) {
        if (example.type() == ActType.PERSONAL_DATA_ERASED) return; // the retention erases after the closure: see below
        fixture.given(plus(example.given(), new CaseClosed(ID, d("2025-06-01"), CCAPEX, CaseOutcome.OTHER)).toArray())
                .when(new RecordAct(example.act()))
                .expectNoEvents()
                .expectException(refusedAt(Stage.CLOSED));
    }

    @Test
    void personalDataIsErasedAfterTheClosureWithoutMovingTheStage() {
        CaseClosed closed = new CaseClosed(ID, d("2025-06-01"), CCAPEX, CaseOutcome.OTHER);
        PersonalDataErased erased = new PersonalDataErased(ID, d("2025-06-02"), CCAPEX, ErasureGround.RETENTION_ELAPSED);
        fixture.given(plus(ActExamples.ALL.get(ActType.CASE_CLOSED).given(), closed).toArray())
                .when(new RecordAct(erased))
                .expectEvents(erased);
        assertThat(ActType.PERSONAL_DATA_ERASED.bookkeeping()).isTrue();
        assertThat(ActType.PERSONAL_DATA_ERASED.postable()).isFalse();
        assertThat(ActType.PERSONAL_DATA_ERASED.recordableBy(Trade.CCAPEX)).isTrue();
        assertThat(ActType.PERSONAL_DATA_ERASED.recordableBy(Trade.PREFECTURE)).isFalse();
    }

    @ParameterizedTest(name = "{0} is refused from a trade that does not record it")
    @MethodSource("examples")
    void anActIsRefusedFromATradeThatDoesNotRecordIt(ActExamples.Example example) {
        CaseEvent byAuditor = with(example.act(), "recordedBy", AUDITOR);
        fixture.given(example.given().toArray())
                .when(new RecordAct(byAuditor))
                .expectNoEvents()
                .expectException(ActRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("AUDITOR n'enregistre pas"));
    }

    @Test
    void procedureActsAreNotRecordedByPartnersNorTheSecretariat() {
        CaseEvent elapsed = new DeadlineElapsed(ID, d("2024-04-02"), CCAPEX, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01"));
        fixture.given(upTo(Stage.PAYMENT_ORDER).toArray())
                .when(new RecordAct(elapsed))
                .expectNoEvents()
                .expectException(ActRefusedException.class);
        assertThat(ActType.DEADLINE_ELAPSED.recordableBy(Trade.PROCEDURE)).isTrue();
        assertThat(ActType.PAYMENT_ORDER_SERVED.recordableBy(Trade.CCAPEX)).isTrue();
        assertThat(ActType.PAYMENT_ORDER_SERVED.recordableBy(Trade.CAF)).isFalse();
    }

    @Test
    void anOrderToLeaveWithNoJudgmentIsRefusedWithTheStage() {
        fixture.given(upTo(Stage.HEARING).toArray())
                .when(new RecordAct(noticeToQuit()))
                .expectNoEvents()
                .expectException(ActRefusedException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("HEARING"));
    }

    @Test
    void anOrderToLeaveAfterARejectedClaimIsRefused() {
        List<CaseEvent> rejected = plus(upTo(Stage.HEARING), judgment(JudgmentDelivered.Outcome.REJECTED));
        fixture.given(rejected.toArray())
                .when(new RecordAct(noticeToQuit()))
                .expectNoEvents()
                .expectException(ActRefusedException.class);
        // After a rejected claim the landlord may start again: a new payment order is allowed.
        fixture.given(rejected.toArray())
                .when(new RecordAct(new PaymentOrderServed(ID, d("2024-09-01"), COMMISSAIRE, null)))
                .expectEvents(new PaymentOrderServed(ID, d("2024-09-01"), COMMISSAIRE, null));
    }

    @Test
    void aSecondRequestForPoliceAssistanceFollowsARefusal() {
        fixture.given(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE)).toArray())
                .when(new RecordAct(new PoliceAssistanceRequested(ID, d("2025-05-06"), COMMISSAIRE)))
                .expectEvents(new PoliceAssistanceRequested(ID, d("2025-05-06"), COMMISSAIRE));
    }

    @Test
    void aSummonsDatedBeforeThePaymentOrderIsRecordedAndFlagged() {
        SummonsServed early = new SummonsServed(ID, d("2024-01-25"), COMMISSAIRE, d("2024-05-20"), null);
        fixture.given(upTo(Stage.PAYMENT_ORDER).toArray())
                .when(new RecordAct(early))
                .expectSuccessfulHandlerExecution()
                .expectEvents(early, new IrregularityFlagged(ID, d("2024-01-25"), PROCEDURE, Irregularity.ACT_DATED_BEFORE_PREREQUISITE,
                        "SummonsServed", "SummonsServed dated 2024-01-25 is before PaymentOrderServed dated 2024-02-01"));
    }

    @Test
    void anEvictionDuringTheWinterTruceIsRecordedAndFlagged() {
        EvictionCarriedOut december = new EvictionCarriedOut(ID, d("2025-12-02"), COMMISSAIRE, false);
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_GRANTED).toArray())
                .when(new RecordAct(december))
                .expectSuccessfulHandlerExecution()
                .expectEvents(december, new IrregularityFlagged(ID, d("2025-12-02"), PROCEDURE, Irregularity.EVICTION_DURING_WINTER_TRUCE,
                        "EvictionCarriedOut", "eviction on 2025-12-02 falls inside the winter truce (1 November to 31 March)"));
    }

    @Test
    void anEvictionBeforeTheExecutionDateAndDuringASuspensionIsFlaggedTwice() {
        List<CaseEvent> given = plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED),
                new OverIndebtednessFileAdmitted(ID, d("2025-01-20"), BDF),
                new EvictionMeasuresSuspended(ID, d("2025-02-01"), BDF, d("2025-08-01")));
        EvictionCarriedOut april = new EvictionCarriedOut(ID, d("2025-04-01"), COMMISSAIRE, false);
        fixture.given(given.toArray())
                .when(new RecordAct(april))
                .expectSuccessfulHandlerExecution()
                .expectEvents(april, new IrregularityFlagged(ID, d("2025-04-01"), PROCEDURE, Irregularity.EVICTION_DURING_SUSPENSION,
                        "EvictionCarriedOut", "eviction on 2025-04-01 while eviction measures are suspended until 2025-08-01"));
        EvictionCarriedOut early = new EvictionCarriedOut(ID, d("2025-01-20"), COMMISSAIRE, false);
        fixture.given(upTo(Stage.POLICE_ASSISTANCE_GRANTED).toArray())
                .when(new RecordAct(early))
                .expectEvents(early,
                        new IrregularityFlagged(ID, d("2025-01-20"), PROCEDURE, Irregularity.EVICTION_DURING_WINTER_TRUCE,
                                "EvictionCarriedOut", "eviction on 2025-01-20 falls inside the winter truce (1 November to 31 March)"),
                        new IrregularityFlagged(ID, d("2025-01-20"), PROCEDURE, Irregularity.EVICTION_BEFORE_EXECUTION_DATE,
                                "EvictionCarriedOut", "eviction on 2025-01-20 is before the execution date 2025-04-01 set with the police assistance"));
    }

    @Test
    void anActDatedInTheFutureIsInvalid() {
        fixture.givenCurrentTime(Instant.parse("2024-02-10T09:00:00Z"));
        fixture.given(opened(Parc.PRIVATE))
                .when(new RecordAct(new PaymentOrderServed(ID, d("2024-02-11"), COMMISSAIRE, null)))
                .expectNoEvents()
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("occurredOn ne doit pas être dans le futur"));
    }

    @Test
    void invalidFieldsAreRefusedWithTheirNames() {
        fixture.given(upTo(Stage.HEARING).toArray())
                .when(new RecordAct(new JudgmentDelivered(ID, d("2024-07-15"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, null, null)))
                .expectNoEvents()
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("paymentDelayMonths"));
        fixture.given(opened(Parc.PRIVATE))
                .when(new RecordAct(new PaymentOrderServed(ID, null, COMMISSAIRE, null)))
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("occurredOn"));
        fixture.given(opened(Parc.PRIVATE))
                .when(new RecordAct(new PaymentOrderServed(ID, d("2024-02-01"), COMMISSAIRE, new BigDecimal("10.001"))))
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("debtClaimed"));
    }

    @Test
    void aResentIdempotencyKeyRecordsNothingAndAnswersTheFirstResult() {
        PaymentOrderServed cdp = paymentOrder();
        MetaData keyed = MetaData.with("idempotencyKey", "cdp-1").and("fingerprint", "f1");
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, cdp, "cdp-1", "f1"))
                .when(new RecordAct(ID, cdp, "cdp-1", "f1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(cdp), true));
        assertThat(keyed.get("idempotencyKey")).isEqualTo("cdp-1");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, paymentOrder(), "cdp-1", "f1"))
                .when(new RecordAct(ID, new PaymentOrderServed(ID, d("2024-02-03"), COMMISSAIRE, null), "cdp-1", "f2"))
                .expectNoEvents()
                .expectException(IdempotencyConflictException.class);
    }

    @Test
    void aTimerCommandSentTwiceRecordsOnce() {
        DeadlineElapsed elapsed = new DeadlineElapsed(ID, d("2024-04-02"), PROCEDURE, DeadlineKind.PAYMENT_ORDER_DELAY, d("2024-04-01"));
        String key = "timer:" + ID + ":PAYMENT_ORDER_DELAY:2024-04-01";
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(paymentOrder()), new RecordAct(elapsed, key))
                .when(new RecordAct(elapsed, key))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(elapsed), true));
    }

    @Test
    void anIdempotentOpeningLandsOnTheSameDossier() {
        CaseOpened opened = opened(Parc.PUBLIC);
        fixture.givenCommands(new OpenCase(ID, opened, "signal-1", "f"))
                .when(new OpenCase(ID, opened, "signal-1", "f"))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(opened), true));
    }

    @Test
    void theKeyOfAFlaggedActAnswersTheActAndItsFlags() {
        SummonsServed early = new SummonsServed(ID, d("2024-01-25"), COMMISSAIRE, d("2024-05-20"), null);
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(paymentOrder()), new RecordAct(ID, early, "s-1", "f"))
                .when(new RecordAct(ID, early, "s-1", "f"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Recorded rec && rec.replayed()
                        && rec.events().size() == 2 && rec.events().get(1) instanceof IrregularityFlagged));
    }

    private static org.hamcrest.Matcher<Throwable> refusedAt(Stage stage) {
        return Matchers.predicate(e -> e instanceof ActRefusedException refused && refused.stage() == stage);
    }
}
