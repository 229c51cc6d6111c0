package fr.prevexp.engine;

import fr.prevexp.engine.aggregate.EvictionCase;
import fr.prevexp.engine.command.RecordAct;
import fr.prevexp.engine.events.CaseEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Who records what: every act against every trade, through the dossier. */
class TradeMatrixTest {

    static Stream<Arguments> actsAndTrades() {
        return ActExamples.ALL.values().stream()
                .flatMap(example -> Arrays.stream(Trade.values()).map(trade -> Arguments.of(example, trade)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("actsAndTrades")
    void theDossierRecordsAnActOnlyFromATradeThatRecordsIt(ActExamples.Example example, Trade trade) {
        AggregateTestFixture<EvictionCase> fixture = new AggregateTestFixture<>(EvictionCase.class);
        fixture.givenCurrentTime(Instant.parse("2026-01-15T09:00:00Z"));
        CaseEvent act = with(example.act(), "recordedBy", new RecordedBy(trade, "org-" + trade, "user"));
        var result = fixture.given(example.given().toArray()).when(new RecordAct(act));
        if (example.type().recordableBy(trade)) {
            result.expectSuccessfulHandlerExecution().expectEvents(act);
        } else {
            result.expectNoEvents()
                    .expectException(Matchers.predicate(e -> e instanceof ActRefusedException refused
                            && refused.stage() == CaseState.of(example.given()).stage()
                            && refused.getMessage().contains(trade + " n'enregistre pas " + example.type().typeName())));
        }
    }

    @Test
    void theMatrixFollowsTheDomain() {
        Set<ActType> procedureActs = EnumSet.of(ActType.DEADLINE_SCHEDULED, ActType.DEADLINE_ELAPSED, ActType.DEADLINE_MET,
                ActType.DEADLINE_CANCELLED, ActType.IRREGULARITY_FLAGGED, ActType.POLICE_ASSISTANCE_IMPLICITLY_REFUSED,
                ActType.DEADLINE_CORRECTED, ActType.IMPLICIT_REFUSAL_WITHDRAWN, ActType.IRREGULARITY_WITHDRAWN, ActType.DEADLINE_RESCHEDULED);
        for (ActType type : ActType.values()) {
            assertThat(type.recordableBy(Trade.AUDITOR)).as("auditors read only: " + type).isFalse();
            assertThat(type.recordableBy(Trade.PROCEDURE)).as("the procedure records its own acts only: " + type)
                    .isEqualTo(procedureActs.contains(type));
            assertThat(type.recordableBy(Trade.CCAPEX)).as("the secretariat records every partner act: " + type)
                    .isEqualTo(!procedureActs.contains(type));
        }
        // The commissaire serves the acts of the litigation; the préfet decides on police assistance.
        for (ActType served : EnumSet.of(ActType.PAYMENT_ORDER_SERVED, ActType.SUMMONS_SERVED, ActType.JUDGMENT_SERVED,
                ActType.NOTICE_TO_QUIT_SERVED, ActType.POLICE_ASSISTANCE_REQUESTED, ActType.EVICTION_CARRIED_OUT)) {
            assertThat(served.recordableBy(Trade.COMMISSAIRE)).as(served.typeName()).isTrue();
            assertThat(served.recordableBy(Trade.BAILLEUR)).as(served.typeName()).isFalse();
            assertThat(served.recordableBy(Trade.PREFECTURE)).as(served.typeName()).isFalse();
        }
        for (ActType decision : EnumSet.of(ActType.POLICE_ASSISTANCE_GRANTED, ActType.POLICE_ASSISTANCE_REFUSED)) {
            assertThat(decision.trades()).as(decision.typeName()).containsExactly(Trade.PREFECTURE);
        }
        assertThat(ActType.OVER_INDEBTEDNESS_FILE_ADMITTED.trades()).containsExactly(Trade.BANQUE_DE_FRANCE);
        assertThat(ActType.DALO_PRIORITY_RECOGNISED.trades()).containsExactly(Trade.COMED);
        assertThat(ActType.UNPAID_RENT_REPORTED.trades()).containsExactlyInAnyOrder(Trade.CAF, Trade.BAILLEUR);
        assertThat(ActType.CASE_CLOSED.trades()).isEmpty();
        assertThat(ActType.CCAPEX_EXAMINED.trades()).isEmpty();
        assertThat(ActType.PARTNER_DESIGNATED.trades()).as("only the secretariat designates a partner").isEmpty();
    }
}
