package fr.prevexp.projections.indicators;

import fr.prevexp.engine.*;
import fr.prevexp.engine.events.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The median debt of the dossiers the CCAPEX examined takes each dossier's debt on the examination's
 * legal date, whatever order the acts were recorded in (found with the order-independence property,
 * api's {@code OrderIndependencePropertyTest}: the debt was the one known when the examination was
 * recorded, so a payment order dated before it but recorded after it was left out).
 */
@DataJpaTest
@org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
@Import({IndicatorProjection.class, IndicatorService.class, fr.prevexp.projections.FixedToday.class})
class DebtAtExaminationTest {
    private static final RecordedBy BY = new RecordedBy(Trade.CCAPEX, "ccapex");

    @Autowired
    IndicatorProjection projection;
    @Autowired
    IndicatorService service;

    @BeforeEach
    void emptyTables() {
        projection.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private Object medianDebtExamined(CaseEvent... recorded) {
        for (int i = 0; i < recorded.length; i++) projection.on(recorded[i], i);
        return service.value(Indicator.MEDIAN_DEBT_EXAMINED, 2024, "93066", null);
    }

    private static final CaseOpened OPENED = new CaseOpened("x", d("2024-01-02"), BY, "x", CaseSource.CAF, Parc.PRIVATE, "93066", null, null,
            new Landlord(LandlordKind.PRIVATE_PERSON, "B", null), new BigDecimal("600.00"), null, new BigDecimal("1000.00"));
    private static final PaymentOrderServed PAYMENT_ORDER = new PaymentOrderServed("x", d("2024-02-01"), BY, new BigDecimal("3000.00"));
    private static final CcapexExamined EXAMINED = new CcapexExamined("x", d("2024-03-01"), BY, "avis", List.of());
    private static final UnpaidRentReported LATER_REPORT = new UnpaidRentReported("x", d("2024-05-01"), BY, new BigDecimal("4500.00"), 6);

    @Test
    void theDebtAtTheExaminationIsTheLatestAmountDatedOnOrBeforeIt() {
        assertThat(medianDebtExamined(OPENED, PAYMENT_ORDER, EXAMINED, LATER_REPORT)).isEqualTo(new BigDecimal("3000.00"));
    }

    @Test
    void aPaymentOrderRecordedAfterTheExaminationButDatedBeforeItCounts() {
        assertThat(medianDebtExamined(OPENED, EXAMINED, LATER_REPORT, PAYMENT_ORDER)).isEqualTo(new BigDecimal("3000.00"));
    }

    @Test
    void aReportDatedAfterTheExaminationButRecordedBeforeItDoesNot() {
        assertThat(medianDebtExamined(OPENED, PAYMENT_ORDER, LATER_REPORT, EXAMINED)).isEqualTo(new BigDecimal("3000.00"));
    }
}
