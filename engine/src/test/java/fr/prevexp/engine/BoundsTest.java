package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of {@link Limits}: every value an act carries is bounded (lengths, amounts, counts,
 * dates), an act out of bounds is refused naming the field in French, and nothing is recorded.
 */
class BoundsTest {
    private AggregateTestFixture<EvictionCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
    }

    static String text(int length) {
        return "x".repeat(length);
    }

    static final BigDecimal TOO_MUCH = Limits.AMOUNT_MAX_VALUE.add(new BigDecimal("0.01"));

    /** An opening with one value out of bounds, and the field the refusal names. */
    static Stream<Arguments> badOpenings() {
        CaseOpened ok = opened(Parc.PRIVATE);
        return Stream.of(
                Arguments.of(with(ok, "debt", new BigDecimal("1000000000000.00")), "debt"),
                Arguments.of(with(ok, "debt", TOO_MUCH), "debt"),
                Arguments.of(with(ok, "monthlyRent", TOO_MUCH), "monthlyRent"),
                Arguments.of(with(ok, "monthlyRent", new BigDecimal("-1.00")), "monthlyRent"),
                Arguments.of(with(ok, "debt", new BigDecimal("-0.01")), "debt"),
                Arguments.of(with(ok, "monthlyCharges", TOO_MUCH), "monthlyCharges"),
                Arguments.of(with(ok, "reference", text(Limits.REFERENCE + 1)), "reference"),
                Arguments.of(with(ok, "household", new Household("Famille Martin", null, -3, null)), "household.persons"),
                Arguments.of(with(ok, "household", new Household("Famille Martin", null, 0, null)), "household.persons"),
                Arguments.of(with(ok, "household", new Household("Famille Martin", null, Limits.PERSONS_MAX + 1, null)), "household.persons"),
                Arguments.of(with(ok, "household", new Household(text(Limits.NAME + 1), null, 3, null)), "household.name"),
                Arguments.of(with(ok, "household", new Household("M", text(Limits.ADDRESS + 1), 3, null)), "household.address"),
                Arguments.of(with(ok, "household", new Household("M", null, 3, text(Limits.PHONE + 1))), "household.phone"),
                Arguments.of(with(ok, "landlord", new Landlord(LandlordKind.SOCIAL, text(Limits.NAME + 1), null)), "landlord.name"),
                Arguments.of(with(ok, "landlord", new Landlord(LandlordKind.SOCIAL, "OPH", text(Limits.ORGANISATION + 1))), "landlord.organisation"),
                Arguments.of(with(ok, "occurredOn", LocalDate.of(1, 1, 1)), "occurredOn"),
                Arguments.of(with(ok, "occurredOn", LocalDate.of(-999_999_999, 1, 1)), "occurredOn"),
                Arguments.of(with(ok, "occurredOn", Limits.OLDEST_ACT.minusDays(1)), "occurredOn"),
                Arguments.of(with(ok, "leaseSignedOn", Limits.OLDEST_LEASE.minusDays(1)), "leaseSignedOn"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badOpenings")
    void anOpeningOutOfBoundsIsRefused(CaseEvent opening, String field) {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(ID, (CaseOpened) opening, null, null))
                .expectNoEvents()
                .expectException(invalid(field));
    }

    @Test
    void anOpeningAtTheBoundsIsRecorded() {
        CaseOpened atBounds = new CaseOpened(ID, Limits.OLDEST_ACT, CCAPEX, text(Limits.REFERENCE), CaseSource.CAF, Parc.PRIVATE, "93066",
                Limits.OLDEST_LEASE, new Household(text(Limits.NAME), text(Limits.ADDRESS), Limits.PERSONS_MAX, text(Limits.PHONE)),
                new Landlord(LandlordKind.PRIVATE_PERSON, text(Limits.NAME), text(Limits.ORGANISATION)),
                Limits.AMOUNT_MAX_VALUE, Limits.AMOUNT_MAX_VALUE, Limits.AMOUNT_MAX_VALUE);
        fixture.givenNoPriorActivity().when(new OpenCase(ID, atBounds, null, null)).expectEvents(atBounds);
    }

    /** An act with one value out of bounds: the field to set, the value, the field the refusal names. */
    static Stream<Arguments> badActs() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, ActType.UNPAID_RENT_REPORTED, "amount", TOO_MUCH);
        add(cases, ActType.UNPAID_RENT_REPORTED, "monthsUnpaid", Limits.MONTHS_UNPAID_MAX + 1);
        add(cases, ActType.UNPAID_RENT_REPORTED, "amount", new BigDecimal("-0.01"));
        add(cases, ActType.HOUSING_FUND_AID_GRANTED, "amount", new BigDecimal("-0.01"));
        add(cases, ActType.REPAYMENT_PLAN_AGREED, "monthlyAmount", TOO_MUCH);
        add(cases, ActType.REPAYMENT_PLAN_AGREED, "durationMonths", Limits.REPAYMENT_MONTHS_MAX + 1);
        add(cases, ActType.HOUSING_FUND_AID_GRANTED, "amount", TOO_MUCH);
        add(cases, ActType.PAYMENT_ORDER_SERVED, "debtClaimed", TOO_MUCH);
        add(cases, ActType.PAYMENT_ORDER_SERVED, "debtClaimed", new BigDecimal("1000000000000.00"));
        add(cases, ActType.SUMMONS_SERVED, "court", text(Limits.NAME + 1));
        add(cases, ActType.SUMMONS_SERVED, "hearingOn", d("2024-04-02").plusYears(Limits.HEARING_YEARS_AFTER_SUMMONS).plusDays(1));
        add(cases, ActType.CCAPEX_REFERRAL_RECEIVED, "referredBy", text(Limits.NAME + 1));
        add(cases, ActType.CCAPEX_REFERRAL_RECEIVED, "reason", text(Limits.TEXT + 1));
        add(cases, ActType.CCAPEX_EXAMINED, "opinion", text(Limits.TEXT + 1));
        add(cases, ActType.CCAPEX_EXAMINED, "recommendations", Collections.nCopies(Limits.RECOMMENDATIONS + 1, "FSL"));
        cases.add(Arguments.of(ActExamples.ALL.get(ActType.CCAPEX_EXAMINED), "recommendations",
                List.of("FSL", text(Limits.RECOMMENDATION + 1)), "recommendations[1]"));
        add(cases, ActType.SOCIAL_DIAGNOSIS_REQUESTED, "requestedFrom", text(Limits.NAME + 1));
        add(cases, ActType.SOCIAL_DIAGNOSIS_NOT_DELIVERED, "reason", text(Limits.TEXT + 1));
        add(cases, ActType.SOCIAL_DIAGNOSIS_DELIVERED, "sentToJudgeOn", Limits.OLDEST_ACT.minusDays(1));
        add(cases, ActType.HOUSEHOLD_REHOUSED, "by", text(Limits.NAME + 1));
        add(cases, ActType.DEADLINE_CANCELLED, "reason", text(Limits.TEXT + 1));
        add(cases, ActType.IRREGULARITY_FLAGGED, "act", text(Limits.CODE + 1));
        add(cases, ActType.IRREGULARITY_FLAGGED, "detail", text(Limits.TEXT + 1));
        add(cases, ActType.EVICTION_MEASURES_SUSPENDED, "until", d("2024-03-20").plusYears(2).plusDays(1));
        add(cases, ActType.EVICTION_SCHEDULED, "scheduledOn", d("2025-04-02").plusYears(Limits.YEARS_AFTER_ACT).plusDays(1));
        add(cases, ActType.POLICE_ASSISTANCE_GRANTED, "executionPossibleFrom", LocalDate.of(-999_999_999, 1, 1));
        add(cases, ActType.POLICE_ASSISTANCE_GRANTED, "executionPossibleFrom", LocalDate.of(999_999_999, 12, 31));
        add(cases, ActType.DEADLINE_SCHEDULED, "dueOn", d("2024-02-01").plusYears(Limits.YEARS_AFTER_ACT).plusDays(1));
        add(cases, ActType.DEADLINE_ELAPSED, "dueOn", LocalDate.of(1, 1, 1));
        return cases.stream();
    }

    private static void add(List<Arguments> cases, ActType type, String field, Object value) {
        cases.add(Arguments.of(ActExamples.ALL.get(type), field, value, field));
    }

    @ParameterizedTest(name = "{0} with {1} out of bounds")
    @MethodSource("badActs")
    void anActOutOfBoundsIsRefused(ActExamples.Example example, String field, Object value, String named) {
        fixture.given(example.given().toArray())
                .when(new RecordAct(with(example.act(), field, value)))
                .expectNoEvents()
                .expectException(invalid(named));
    }

    @ParameterizedTest(name = "{0} dated before 1990 is invalid")
    @MethodSource("examples")
    void noActIsDatedBeforeTheOldestLegalDate(ActExamples.Example example) {
        for (LocalDate old : List.of(Limits.OLDEST_ACT.minusDays(1), LocalDate.of(1, 1, 1), LocalDate.MIN)) {
            fixture.given(example.given().toArray())
                    .when(new RecordAct(with(example.act(), "occurredOn", old)))
                    .expectNoEvents()
                    .expectException(invalid("occurredOn"))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("ne doit pas être antérieure au 1990-01-01"));
        }
    }

    static Stream<ActExamples.Example> examples() {
        return ActExamples.ALL.values().stream();
    }

    @Test
    void theReasonsArePrecise() {
        CaseOpened opening = (CaseOpened) with(opened(Parc.PRIVATE), "reference", text(65));
        opening = (CaseOpened) with(opening, "debt", TOO_MUCH);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(ID, opening, null, null))
                .expectException(Matchers.predicate(e -> e instanceof InvalidActException invalid
                        && invalid.problems().contains(new FieldProblem("reference", "ne doit pas dépasser 64 caractères"))
                        && invalid.problems().contains(new FieldProblem("debt", "ne doit pas dépasser 9 999 999,99 €"))));
    }

    @Test
    void theAmountBoundAndItsColumnsAgree() {
        assertThat(Limits.AMOUNT_MAX_VALUE.precision()).isEqualTo(Limits.AMOUNT_PRECISION);
        assertThat(Limits.AMOUNT_MAX_VALUE.scale()).isEqualTo(Limits.AMOUNT_SCALE);
        assertThat(Limits.AMOUNT_TOO_LARGE).contains(String.format(java.util.Locale.FRANCE, "%,.2f", Limits.AMOUNT_MAX_VALUE)
                .replace('\u202f', ' ').replace('\u00a0', ' '));
    }

    /**
     * Every text, list, amount and integer of every act (and of the household and landlord) carries its bound,
     * so that a new field cannot be added unbounded.
     */
    @Test
    void everyTextListAndAmountOfEveryActIsBounded() {
        List<String> unbounded = new ArrayList<>();
        List<Class<?>> records = new ArrayList<>(List.of(Household.class, Landlord.class));
        for (ActType type : ActType.values()) records.add(type.eventClass());
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                String name = record.getSimpleName() + "." + component.getName();
                if (List.of("caseId", "recordedBy", "territory").contains(component.getName())) continue;   // set by the server, or a pattern
                Field field = field(record, component.getName());
                if (component.getType() == String.class && field.getAnnotation(Size.class) == null) unbounded.add(name);
                if (component.getType() == BigDecimal.class
                        && (field.getAnnotation(DecimalMax.class) == null || field.getAnnotation(DecimalMin.class) == null)) unbounded.add(name);
                if (component.getType() == Integer.class && (field.getAnnotation(Min.class) == null || field.getAnnotation(Max.class) == null)) {
                    unbounded.add(name);
                }
                if (component.getType() == List.class) {
                    var element = ((AnnotatedParameterizedType) field.getAnnotatedType()).getAnnotatedActualTypeArguments()[0];
                    if (field.getAnnotation(Size.class) == null || element.getAnnotation(Size.class) == null) unbounded.add(name);
                }
                if (component.getType().isRecord() && field.getAnnotation(Valid.class) == null) unbounded.add(name);
            }
        }
        assertThat(unbounded).as("fields without a bound of Limits").isEmpty();
    }

    private static Field field(Class<?> record, String name) {
        try {
            return record.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static org.hamcrest.Matcher<Throwable> invalid(String field) {
        return Matchers.predicate(e -> e instanceof InvalidActException invalid
                && invalid.problems().stream().anyMatch(p -> p.field().equals(field)));
    }
}
