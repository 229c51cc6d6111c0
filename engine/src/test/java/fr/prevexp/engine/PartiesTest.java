package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.OpenCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Who is party to a dossier: the opener, the organisations named at opening, those the secretariat designates; nobody else. */
class PartiesTest {

    private static CaseOpened openedNaming(String... partners) {
        return (CaseOpened) with(opened(Parc.PRIVATE), "partners", List.of(partners));
    }

    @Test
    void theOpenerTheLandlordAndThePartnersNamedAtOpeningAreParty() {
        assertThat(Parties.madePartyBy(openedNaming("etude-durand", "caf-93")))
                .containsExactlyInAnyOrder("ddets-93", "oph-93", "etude-durand", "caf-93");
        assertThat(Parties.madePartyBy(opened(Parc.PRIVATE))).containsExactlyInAnyOrder("ddets-93", "oph-93");
    }

    @Test
    void aDesignationMakesItsOrganisationPartyAndNoOtherActDoes() {
        assertThat(Parties.madePartyBy(new PartnerDesignated(ID, d("2024-03-01"), CCAPEX, "etude-martin"))).containsExactly("etude-martin");
        for (ActExamples.Example example : ActExamples.ALL.values()) {
            if (example.type() == ActType.PARTNER_DESIGNATED) continue;
            assertThat(Parties.madePartyBy(example.act())).as(example.type().typeName()).isEmpty();
        }
    }

    @Test
    void recordingAnActDoesNotMakeAPartnerParty() {
        List<CaseEvent> events = plus(upTo(Stage.PRE_LITIGATION), paymentOrder());
        assertThat(Parties.mayAccess(Trade.COMMISSAIRE, "etude-durand", events)).isFalse();
        assertThat(Parties.mayAccess(Trade.COMMISSAIRE, "etude-durand",
                plus(events, new PartnerDesignated(ID, d("2024-02-02"), CCAPEX, "etude-durand")))).isTrue();
        assertThat(Parties.mayAccess(Trade.COMMISSAIRE, "etude-durand", List.of(openedNaming("etude-durand")))).isTrue();
        assertThat(Parties.mayAccess(Trade.BAILLEUR, "oph-93", events)).as("landlord named at opening").isTrue();
        assertThat(Parties.mayAccess(Trade.CAF, "ddets-93", events)).as("the opener's organisation").isTrue();
        assertThat(Parties.mayAccess(Trade.CAF, null, events)).isFalse();
    }

    @Test
    void theSecretariatThePrefectureAndAuditorsReadEveryDossier() {
        for (Trade trade : Trade.values()) {
            boolean all = trade == Trade.CCAPEX || trade == Trade.PREFECTURE || trade == Trade.AUDITOR;
            assertThat(Parties.readsEveryDossier(trade)).as(trade.name()).isEqualTo(all);
            assertThat(Parties.mayAccess(trade, "nobody", upTo(Stage.SUMMONS))).as(trade.name()).isEqualTo(all);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"PRE_LITIGATION", "PAYMENT_ORDER", "SUMMONS", "HEARING", "JUDGMENT", "NOTICE_TO_QUIT",
            "POLICE_ASSISTANCE_REQUESTED", "POLICE_ASSISTANCE_GRANTED"})
    void theSecretariatDesignatesAPartnerAtEveryStageBeforeClosure(Stage stage) {
        PartnerDesignated designation = new PartnerDesignated(ID, d("2025-01-20"), CCAPEX, "etude-martin");
        fixture().given(upTo(stage).toArray()).when(new RecordAct(designation)).expectEvents(designation);
        fixture().given(plus(upTo(stage), new CaseClosed(ID, d("2025-01-15"), CCAPEX, CaseOutcome.OTHER)).toArray())
                .when(new RecordAct(designation)).expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof ActRefusedException r && r.stage() == Stage.CLOSED));
        for (Trade trade : Arrays.stream(Trade.values()).filter(t -> t != Trade.CCAPEX).toList()) {
            fixture().given(upTo(stage).toArray())
                    .when(new RecordAct(with(designation, "recordedBy", new RecordedBy(trade, "org", "user"))))
                    .expectNoEvents().expectException(ActRefusedException.class);
        }
    }

    @Test
    void theOrganisationsNamedAtOpeningAreChecked() {
        fixture().givenNoPriorActivity().when(new OpenCase(openedNaming("etude-durand", "bad name")))
                .expectNoEvents()
                .expectException(Matchers.predicate(e -> e instanceof InvalidActException invalid
                        && invalid.problems().stream().map(FieldProblem::field).toList().equals(List.of("partners[1]"))));
        String[] many = new String[Parties.MAX_NAMED_AT_OPENING + 1];
        Arrays.setAll(many, i -> "org-" + i);
        fixture().givenNoPriorActivity().when(new OpenCase(openedNaming(many))).expectNoEvents()
                .expectException(InvalidActException.class);
        fixture().givenNoPriorActivity().when(new OpenCase(openedNaming("etude-durand"))).expectEvents(openedNaming("etude-durand"));
    }

    private static AggregateTestFixture<EvictionCase> fixture() {
        AggregateTestFixture<EvictionCase> fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
        return fixture;
    }
}
