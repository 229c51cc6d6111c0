package fr.prevexp.engine;

import fr.prevexp.engine.events.UnpaidRentReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static fr.prevexp.engine.Dossier.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by the order-independence property (api's {@code OrderIndependencePropertyTest}): the
 * dossier's debt was the amount recorded last, so an older unpaid-rent report posted after the
 * payment order (a CAF batch arriving late) replaced the debt the payment order claimed. The debt is
 * the latest amount by legal date, whatever order the acts were recorded in.
 */
class DebtByLegalDateTest {
    private static final UnpaidRentReported REPORT_OF_JANUARY = new UnpaidRentReported(ID, d("2024-01-20"), CAF, new BigDecimal("2500.00"), 3);

    @Test
    void theDebtIsTheLatestAmountByLegalDateInEitherRecordingOrder() {
        assertThat(CaseState.of(List.of(opened(Parc.PRIVATE), REPORT_OF_JANUARY, paymentOrder())).debt()).isEqualByComparingTo("2100.00");
        assertThat(CaseState.of(List.of(opened(Parc.PRIVATE), paymentOrder(), REPORT_OF_JANUARY)).debt())
                .as("the January report recorded after the payment order of February").isEqualByComparingTo("2100.00");
    }

    @Test
    void withoutAReportedAmountTheDebtIsTheOpeningDebt() {
        assertThat(CaseState.of(List.of(opened(Parc.PRIVATE), summons())).debt()).isEqualByComparingTo(opened(Parc.PRIVATE).debt());
    }
}
