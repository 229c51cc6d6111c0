package fr.prevexp.engine;

import fr.prevexp.engine.events.*;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

class CaseStateTest {

    @Test
    void theStageFollowsTheMainLine() {
        for (Stage stage : List.of(Stage.PRE_LITIGATION, Stage.PAYMENT_ORDER, Stage.SUMMONS, Stage.HEARING, Stage.JUDGMENT,
                Stage.NOTICE_TO_QUIT, Stage.POLICE_ASSISTANCE_REQUESTED, Stage.POLICE_ASSISTANCE_GRANTED)) {
            assertThat(CaseState.of(upTo(stage)).stage()).isEqualTo(stage);
        }
        assertThat(CaseState.of(plus(upTo(Stage.POLICE_ASSISTANCE_GRANTED), new EvictionCarriedOut(ID, d("2025-04-15"), COMMISSAIRE, true))).stage())
                .isEqualTo(Stage.EVICTED);
        assertThat(CaseState.of(plus(upTo(Stage.NOTICE_TO_QUIT), new KeysReturned(ID, d("2024-10-01"), COMMISSAIRE))).stage())
                .isEqualTo(Stage.LEFT);
        assertThat(CaseState.of(plus(upTo(Stage.POLICE_ASSISTANCE_REQUESTED), new PoliceAssistanceImplicitlyRefused(ID, d("2025-01-06"), PROCEDURE))).stage())
                .isEqualTo(Stage.POLICE_ASSISTANCE_REFUSED);
        assertThat(CaseState.of(plus(upTo(Stage.SUMMONS), new CaseClosed(ID, d("2024-05-01"), CCAPEX, CaseOutcome.DEBT_CLEARED))).stage())
                .isEqualTo(Stage.CLOSED);
    }

    @Test
    void sideActsLeaveTheStageAlone() {
        CaseState state = CaseState.of(plus(upTo(Stage.SUMMONS),
                new SocialDiagnosisRequested(ID, d("2024-04-10"), PREFECTURE, null),
                new SupportMeasureStarted(ID, d("2024-04-12"), SOCIAL, SupportMeasure.ASLL),
                new DeadlineScheduled(ID, d("2024-04-02"), PROCEDURE, DeadlineKind.SOCIAL_DIAGNOSIS_BEFORE_HEARING, d("2024-04-02"), d("2024-06-19"))));
        assertThat(state.stage()).isEqualTo(Stage.SUMMONS);
        assertThat(state.hearingOn()).isEqualTo(d("2024-06-20"));
        assertThat(state.activeSupportMeasures()).containsExactly(SupportMeasure.ASLL);
    }

    @Test
    void theDebtIsTheLatestAmountReported() {
        BigDecimal debt = null;
        for (CaseEvent e : List.of(opened(Parc.PRIVATE), new UnpaidRentReported(ID, d("2024-01-20"), CAF, new BigDecimal("2500.00"), 3),
                new HearingHeld(ID, d("2024-06-20"), COMMISSAIRE, false), paymentOrder())) {
            debt = CaseState.debtAfter(debt, e);
        }
        assertThat(debt).isEqualByComparingTo("2100.00");
    }
}
