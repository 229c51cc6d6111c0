package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acts with missing or invalid fields are refused with {@link InvalidActException} naming the
 * field, and nothing is recorded: for every act, the common fields (dossier id, date, author), and
 * for every act with fields of its own, each of its rules.
 */
class InvalidActTest {
    private AggregateTestFixture<EvictionCase> fixture;

    /** One invalid variant of an act: the field to break, the bad value, the field the refusal must name. */
    record Breakage(String field, Object value) {
        @Override
        public String toString() {
            return field + "=" + value;
        }
    }

    /** The rules of each act's own fields (acts absent here have only the common fields). */
    static final Map<ActType, List<Breakage>> OWN_FIELD_RULES = new EnumMap<>(ActType.class);

    static {
        OWN_FIELD_RULES.put(ActType.UNPAID_RENT_REPORTED, List.of(new Breakage("amount", new BigDecimal("-1.00")),
                new Breakage("amount", new BigDecimal("10.001")), new Breakage("monthsUnpaid", -1)));
        OWN_FIELD_RULES.put(ActType.REPAYMENT_PLAN_AGREED, List.of(new Breakage("monthlyAmount", new BigDecimal("0.00")),
                new Breakage("monthlyAmount", new BigDecimal("50.555")), new Breakage("durationMonths", 0)));
        OWN_FIELD_RULES.put(ActType.HOUSING_FUND_AID_GRANTED, List.of(new Breakage("amount", new BigDecimal("0.00")),
                new Breakage("amount", new BigDecimal("800.005"))));
        OWN_FIELD_RULES.put(ActType.PAYMENT_ORDER_SERVED, List.of(new Breakage("debtClaimed", new BigDecimal("-5.00")),
                new Breakage("debtClaimed", new BigDecimal("2100.001"))));
        OWN_FIELD_RULES.put(ActType.SUMMONS_SERVED, List.of(new Breakage("hearingOn", null),
                new Breakage("hearingOn", d("2024-04-02")), new Breakage("hearingOn", d("2024-03-01"))));
        OWN_FIELD_RULES.put(ActType.HEARING_HELD, List.of(new Breakage("tenantPresent", null)));
        OWN_FIELD_RULES.put(ActType.JUDGMENT_DELIVERED, List.of(new Breakage("outcome", null),
                new Breakage("paymentDelayMonths", null), new Breakage("paymentDelayMonths", 37),
                new Breakage("paymentDelayMonths", 0), new Breakage("gracePeriodMonths", 0), new Breakage("gracePeriodMonths", 37)));
        OWN_FIELD_RULES.put(ActType.HEARING_POSTPONED, List.of(new Breakage("hearingOn", null),
                new Breakage("hearingOn", d("2024-06-20")), new Breakage("hearingOn", d("2024-06-01"))));
        OWN_FIELD_RULES.put(ActType.GRACE_PERIOD_GRANTED, List.of(new Breakage("months", null),
                new Breakage("months", 0), new Breakage("months", 37)));
        OWN_FIELD_RULES.put(ActType.EVICTION_SCHEDULED, List.of(new Breakage("scheduledOn", null),
                new Breakage("scheduledOn", d("2025-04-01"))));
        OWN_FIELD_RULES.put(ActType.EVICTION_MEASURES_SUSPENDED, List.of(new Breakage("until", null),
                new Breakage("until", d("2024-03-20"))));
        OWN_FIELD_RULES.put(ActType.SOCIAL_COHESION_PROTOCOL_SIGNED, List.of(new Breakage("durationMonths", 0),
                new Breakage("durationMonths", 61)));
        OWN_FIELD_RULES.put(ActType.SUPPORT_MEASURE_STARTED, List.of(new Breakage("kind", null)));
        OWN_FIELD_RULES.put(ActType.SUPPORT_MEASURE_ENDED, List.of(new Breakage("kind", null)));
        OWN_FIELD_RULES.put(ActType.PARTNER_DESIGNATED, List.of(new Breakage("organisation", null),
                new Breakage("organisation", " "), new Breakage("organisation", "x".repeat(129)), new Breakage("organisation", "a b")));
        OWN_FIELD_RULES.put(ActType.CASE_CLOSED, List.of(new Breakage("outcome", null)));
        OWN_FIELD_RULES.put(ActType.PERSONAL_DATA_ERASED, List.of(new Breakage("ground", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_SCHEDULED, List.of(new Breakage("kind", null),
                new Breakage("startsOn", null), new Breakage("dueOn", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_ELAPSED, List.of(new Breakage("kind", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_MET, List.of(new Breakage("kind", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_RESCHEDULED, List.of(new Breakage("kind", null), new Breakage("previousDueOn", null),
                new Breakage("dueOn", null), new Breakage("act", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_CORRECTED, List.of(new Breakage("kind", null), new Breakage("dueOn", null),
                new Breakage("status", null), new Breakage("act", null)));
        OWN_FIELD_RULES.put(ActType.IMPLICIT_REFUSAL_WITHDRAWN, List.of(new Breakage("refusedOn", null), new Breakage("act", null)));
        OWN_FIELD_RULES.put(ActType.IRREGULARITY_WITHDRAWN, List.of(new Breakage("code", null), new Breakage("act", null)));
        OWN_FIELD_RULES.put(ActType.DEADLINE_CANCELLED, List.of(new Breakage("kind", null)));
    }

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
    }

    static Stream<ActExamples.Example> examples() {
        return ActExamples.ALL.values().stream();
    }

    static Stream<Arguments> ownFieldRules() {
        return OWN_FIELD_RULES.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(b -> Arguments.of(ActExamples.ALL.get(e.getKey()), b)));
    }

    @Test
    void everyActWithFieldRulesOfItsOwnHasItsRulesTested() {
        List<ActType> untested = Arrays.stream(ActType.values())
                .filter(t -> t != ActType.CASE_OPENED && hasOwnFieldRules(t) && !OWN_FIELD_RULES.containsKey(t))
                .toList();
        assertThat(untested).as("acts with rules on their own fields but no invalid example here").isEmpty();
        ActExamples.ALL.values().forEach(example -> assertThat(example.act().problems()).as(example.type().typeName()).isEmpty());
    }

    @ParameterizedTest(name = "{0} without a date is invalid")
    @MethodSource("examples")
    void everyActNeedsItsDate(ActExamples.Example example) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(with(example.act(), "occurredOn", null)))
                .expectNoEvents()
                .expectException(invalid("occurredOn"));
    }

    @ParameterizedTest(name = "{0} of another dossier is invalid")
    @MethodSource("examples")
    void everyActBelongsToTheDossierItIsRecordedOn(ActExamples.Example example) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(ID, with(example.act(), "caseId", "case-2"), null, null))
                .expectNoEvents()
                .expectException(invalid("caseId"));
    }

    @ParameterizedTest(name = "{0} without its author is invalid")
    @MethodSource("examples")
    void everyActNeedsItsAuthor(ActExamples.Example example) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(with(example.act(), "recordedBy", null)))
                .expectNoEvents()
                .expectException(invalid("recordedBy"));
    }

    @ParameterizedTest(name = "{0} dated tomorrow is invalid")
    @MethodSource("examples")
    void noActIsDatedInTheFuture(ActExamples.Example example) {
        fixture.givenCurrentTime(Instant.parse("2025-06-30T12:00:00Z"));
        fixture.given(example.given().toArray())
                .when(new RecordAct(with(example.act(), "occurredOn", d("2025-07-01"))))
                .expectNoEvents()
                .expectException(invalid("occurredOn"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("nous sommes le 2025-06-30"));
    }

    @ParameterizedTest(name = "{0} with {1} is invalid")
    @MethodSource("ownFieldRules")
    void everyRuleOfAnActsOwnFieldsIsEnforced(ActExamples.Example example, Breakage breakage) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(with(example.act(), breakage.field(), breakage.value())))
                .expectNoEvents()
                .expectException(invalid(breakage.field()));
    }

    @Test
    void paymentDelaysAreOnlyForAJudgmentWithPaymentDelays() {
        JudgmentDelivered termination = new JudgmentDelivered(ID, d("2024-07-15"), COMMISSAIRE, JudgmentDelivered.Outcome.TERMINATION, 24, null);
        fixture.given(upTo(Stage.HEARING).toArray())
                .when(new RecordAct(termination))
                .expectNoEvents()
                .expectException(invalid("paymentDelayMonths"));
    }

    @Test
    void allTheProblemsOfAnActAreListedAtOnce() {
        DeadlineScheduled empty = new DeadlineScheduled(ID, null, PROCEDURE, null, null, null);
        fixture.given(upTo(Stage.PAYMENT_ORDER).toArray())
                .when(new RecordAct(empty))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof InvalidActException invalid
                        && invalid.problems().stream().map(FieldProblem::field).toList()
                        .containsAll(List.of("occurredOn", "kind", "startsOn", "dueOn"))));
    }

    private static org.hamcrest.Matcher<Throwable> invalid(String field) {
        return Matchers.predicate(e -> e instanceof InvalidActException invalid
                && invalid.problems().stream().anyMatch(p -> p.field().equals(field)));
    }

    /** Whether the act's event overrides {@link CaseEvent#problems()}. */
    private static boolean hasOwnFieldRules(ActType type) {
        try {
            return type.eventClass().getMethod("problems").getDeclaringClass() != CaseEvent.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
