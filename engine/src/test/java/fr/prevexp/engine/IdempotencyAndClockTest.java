package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.command.Recorded;
import fr.prevexp.engine.events.*;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Idempotent re-sends, and the one clock that says what "today" is. */
class IdempotencyAndClockTest {
    private AggregateTestFixture<EvictionCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
    }

    @Test
    void anOpeningSentTwiceWithItsKeyIsOneDossierAndOneEvent() {
        CaseOpened opened = opened(Parc.PRIVATE);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(ID, opened, "open-1", "f"))
                .expectEvents(opened)
                .expectResultMessagePayload(new Recorded(List.of(opened), false));
        fixture.givenCommands(new OpenCase(ID, opened, "open-1", "f"))
                .when(new OpenCase(ID, opened, "open-1", "f"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(opened), true));
    }

    @Test
    void anOpeningSentAgainWithTheSameKeyAndAnotherBodyIsAConflict() {
        fixture.givenCommands(new OpenCase(ID, opened(Parc.PRIVATE), "open-1", "f1"))
                .when(new OpenCase(ID, opened(Parc.PUBLIC), "open-1", "f2"))
                .expectNoEvents()
                .expectException(IdempotencyConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("open-1"));
    }

    @Test
    void aResendAnswersTheFirstResultEvenWhenTheDossierHasMovedOn() {
        PaymentOrderServed cdp = paymentOrder();
        // Sent again after the summons, the payment order would be refused; its re-send still answers the first result.
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, cdp, "cdp-1", "f1"), new RecordAct(summons()))
                .when(new RecordAct(ID, cdp, "cdp-1", "f1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(cdp), true));
    }

    @Test
    void aKeyAnswersOnlyWhatItRecorded() {
        PaymentOrderServed cdp = paymentOrder();
        SummonsServed summons = summons();
        fixture.givenCommands(new OpenCase(ID, opened(Parc.PRIVATE), "k-open", "f0"), new RecordAct(ID, cdp, "k-cdp", "f1"),
                        new RecordAct(ID, summons, "k-summons", "f2"))
                .when(new RecordAct(ID, cdp, "k-cdp", "f1"))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(cdp), true));
    }

    @Test
    void keysAreScopedByTheOrganisationThatSentThem() {
        UnpaidRentReported byLandlord = new UnpaidRentReported(ID, d("2024-01-20"), BAILLEUR, new java.math.BigDecimal("900.00"), 2);
        UnpaidRentReported byCaf = new UnpaidRentReported(ID, d("2024-01-22"), CAF, new java.math.BigDecimal("950.00"), 2);
        // The CAF re-uses the key the landlord used on the same dossier: its act is another request, and is recorded.
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, byLandlord, "impaye-1", "f-landlord"))
                .when(new RecordAct(ID, byCaf, "impaye-1", "f-caf"))
                .expectEvents(byCaf)
                .expectResultMessagePayload(new Recorded(List.of(byCaf), false));
        // Each organisation's re-send still answers its own first result, and records nothing.
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, byLandlord, "impaye-1", "f-landlord"),
                        new RecordAct(ID, byCaf, "impaye-1", "f-caf"))
                .when(new RecordAct(ID, byLandlord, "impaye-1", "f-landlord"))
                .expectNoEvents()
                .expectResultMessagePayload(new Recorded(List.of(byLandlord), true));
        fixture.givenCommands(new OpenCase(opened(Parc.PRIVATE)), new RecordAct(ID, byLandlord, "impaye-1", "f-landlord"),
                        new RecordAct(ID, byCaf, "impaye-1", "f-caf"))
                .when(new RecordAct(ID, byCaf, "impaye-1", "f-other-body"))
                .expectNoEvents()
                .expectException(IdempotencyConflictException.class);
    }

    @Test
    void keysStoredBeforeTheyCarriedTheirOrganisationStillAnswerTheirActAndItsFlags() {
        SummonsServed early = new SummonsServed(ID, d("2024-01-25"), COMMISSAIRE, d("2024-05-20"), null);
        org.axonframework.messaging.MetaData old = org.axonframework.messaging.MetaData.with("idempotencyKey", "s-1").and("fingerprint", "f");
        var flag = new IrregularityFlagged(ID, d("2024-01-25"), PROCEDURE, Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY, "SummonsServed", "test");
        fixture.given(List.of(opened(Parc.PRIVATE), paymentOrder()))
                .andGiven(List.of(new org.axonframework.eventhandling.GenericDomainEventMessage<>("EvictionCase", ID, 2, early, old),
                        new org.axonframework.eventhandling.GenericDomainEventMessage<>("EvictionCase", ID, 3, flag, old)))
                .when(new RecordAct(ID, early, "s-1", "f"))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(Matchers.predicate(r -> r instanceof Recorded rec && rec.replayed()
                        && rec.events().size() == 2 && rec.events().get(1) instanceof IrregularityFlagged));
    }

    @Test
    void theFixtureDrivesTheClockTheDossierReadsInParisTime() {
        // 23:30 UTC on 10 February is already 11 February in Paris: an act of the 11th is not in the future.
        fixture.givenCurrentTime(Instant.parse("2024-02-10T23:30:00Z"));
        fixture.given(opened(Parc.PRIVATE))
                .when(new RecordAct(new PaymentOrderServed(ID, d("2024-02-11"), COMMISSAIRE, null)))
                .expectEvents(new PaymentOrderServed(ID, d("2024-02-11"), COMMISSAIRE, null));
        fixture.givenCurrentTime(Instant.parse("2024-02-10T22:30:00Z"));
        fixture.given(opened(Parc.PRIVATE))
                .when(new RecordAct(new PaymentOrderServed(ID, d("2024-02-11"), COMMISSAIRE, null)))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof InvalidActException invalid
                        && invalid.problems().stream().anyMatch(p -> p.field().equals("occurredOn"))))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("nous sommes le 2024-02-10"));
    }

    @Test
    void anOpeningDatedInTheFutureIsInvalid() {
        fixture.givenCurrentTime(Instant.parse("2024-01-09T09:00:00Z"));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(opened(Parc.PRIVATE)))
                .expectNoEvents()
                .expectException(InvalidActException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("occurredOn ne doit pas être dans le futur"));
    }

    @Test
    void todayIsTheDateInFranceOfTheOneClock() {
        Clock previous = GenericEventMessage.clock;
        try {
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneOffset.UTC);
            assertThat(EvictionCase.today()).isEqualTo(d("2026-01-01"));
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-07-14T21:59:59Z"), ZoneOffset.UTC);
            assertThat(EvictionCase.today()).isEqualTo(d("2025-07-14"));
            GenericEventMessage.clock = Clock.fixed(Instant.parse("2025-07-14T22:00:00Z"), ZoneOffset.UTC);
            assertThat(EvictionCase.today()).isEqualTo(d("2025-07-15"));
        } finally {
            GenericEventMessage.clock = previous;
        }
    }

    @Test
    void theFixtureRestoresTheClockAfterItsCommands() {
        Clock before = GenericEventMessage.clock;
        fixture.givenCurrentTime(Instant.parse("2020-01-01T00:00:00Z"));
        fixture.givenNoPriorActivity().when(new OpenCase(opened(Parc.PRIVATE))).expectException(InvalidActException.class);
        assertThat(GenericEventMessage.clock).isSameAs(before);
    }
}
