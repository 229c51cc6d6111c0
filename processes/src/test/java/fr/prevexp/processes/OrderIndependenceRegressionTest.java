package fr.prevexp.processes;

import fr.prevexp.engine.Irregularity;
import fr.prevexp.engine.LandlordKind;
import fr.prevexp.engine.Parc;
import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CcapexReferralReceived;
import fr.prevexp.engine.events.PaymentOrderServed;
import fr.prevexp.engine.events.SummonsServed;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.List;

import static fr.prevexp.processes.ProcedureHarness.CASE;
import static fr.prevexp.processes.ProcedureHarness.commissaire;
import static fr.prevexp.processes.ProcedureHarness.opened;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bugs found by the order-independence property (api's {@code OrderIndependencePropertyTest}),
 * each with the minimal history it shrank to: the same acts, recorded in legal order and in
 * another order the procedure allows, must give the same flags.
 */
@Deployment(resources = {"bpmn/procedure-expulsion.bpmn", "dmn/delais-legaux.dmn"})
class OrderIndependenceRegressionTest {
    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

    @AfterEach
    void reset() {
        ClockUtil.reset();
        Mocks.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** The flags the procedure raises when these acts are recorded one after the other in this order, long after their dates. */
    private List<Irregularity> flagsRecordedInThisOrder(LandlordKind landlord, CaseEvent... acts) {
        ProcedureHarness dossier = new ProcedureHarness(extension.getProcessEngine(), new DepartementSettings());
        dossier.travelTo(d("2026-11-23")).act(opened(Parc.PRIVATE, landlord, "13055", d("2012-12-06"), d("2019-01-02")));
        for (CaseEvent act : acts) dossier.act(act);
        return dossier.flags();
    }

    /**
     * Summons dated 2019-04-01, within the 2 months of the payment order of 2019-03-10 (lease of
     * 2012): irregular. Recorded before the payment order (a batch posted in any order), the summons'
     * own check ran with no payment-order delay known, and nothing checked it again: the flag was
     * missing. The payment order's step now checks a summons already on record.
     */
    @Test
    void aSummonsRecordedAfterItsPaymentOrderIsFlaggedWithinThePaymentOrderDelay() {
        assertThat(flagsRecordedInThisOrder(LandlordKind.PRIVATE_PERSON, PAYMENT_ORDER, SUMMONS)).containsOnlyOnce(Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY);
    }

    @Test
    void aSummonsRecordedBeforeItsPaymentOrderIsStillFlaggedWithinThePaymentOrderDelay() {
        assertThat(flagsRecordedInThisOrder(LandlordKind.PRIVATE_PERSON, SUMMONS, PAYMENT_ORDER)).containsOnlyOnce(Irregularity.SUMMONS_BEFORE_PAYMENT_ORDER_DELAY);
    }

    private static final PaymentOrderServed PAYMENT_ORDER = new PaymentOrderServed(CASE, LocalDate.parse("2019-03-10"), commissaire(), null);
    private static final SummonsServed SUMMONS = new SummonsServed(CASE, LocalDate.parse("2019-04-01"), commissaire(), LocalDate.parse("2019-06-18"), null);
    private static final CcapexReferralReceived REFERRAL = new CcapexReferralReceived(CASE, LocalDate.parse("2019-03-01"), commissaire(), null, null);

    /** The same for a legal-entity landlord's CCAPEX referral recorded after the summons that came less than 2 months after it. */
    @Test
    void aSummonsRecordedAfterTheCcapexReferralIsFlaggedWithinItsTwoMonths() {
        assertThat(flagsRecordedInThisOrder(LandlordKind.LEGAL_ENTITY, REFERRAL, SUMMONS)).containsOnlyOnce(Irregularity.SUMMONS_TOO_SOON_AFTER_CCAPEX_REFERRAL);
    }

    @Test
    void aSummonsRecordedBeforeTheCcapexReferralIsStillFlaggedWithinItsTwoMonths() {
        assertThat(flagsRecordedInThisOrder(LandlordKind.LEGAL_ENTITY, SUMMONS, REFERRAL)).containsOnlyOnce(Irregularity.SUMMONS_TOO_SOON_AFTER_CCAPEX_REFERRAL);
    }

    /**
     * Found by the property (base seed 20261123): payment delays of 21 months from a judgment of
     * 2019-11-02, an order to leave served on 2021-06-27, inside them (the delays were not kept). On
     * the day, the order to leave makes the delays moot (CANCELLED). Recorded after the delays' timer
     * had fired (ELAPSED on 2021-08-03), nothing corrected it: the dossier kept ELAPSED. Now the
     * order to leave dated inside the delays corrects the deadline to CANCELLED, by a new event.
     */
    @Test
    void anOrderToLeaveDatedInsidePaymentDelaysButRecordedAfterTheyElapsedCorrectsThemToCancelled() {
        ProcedureHarness dossier = new ProcedureHarness(extension.getProcessEngine(), new DepartementSettings());
        dossier.travelTo(d("2026-11-23")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "93066", d("2012-03-01"), d("2019-01-02")));
        dossier.act(new fr.prevexp.engine.events.JudgmentDelivered(CASE, d("2019-11-02"), commissaire(),
                fr.prevexp.engine.events.JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, 21, null));
        assertThat(dossier.elapsed(fr.prevexp.engine.DeadlineKind.PAYMENT_DELAYS)).as("the delays' timer fired first").isTrue();

        dossier.act(new fr.prevexp.engine.events.NoticeToQuitServed(CASE, d("2021-06-27"), commissaire()));

        List<fr.prevexp.engine.events.DeadlineCorrected> corrections = dossier.recorded(fr.prevexp.engine.events.DeadlineCorrected.class);
        assertThat(corrections).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(fr.prevexp.engine.DeadlineKind.PAYMENT_DELAYS);
            assertThat(c.status()).isEqualTo(fr.prevexp.engine.DeadlineStatus.CANCELLED);
            assertThat(c.dueOn()).isEqualTo(d("2021-08-02"));
            assertThat(c.occurredOn()).isEqualTo(d("2021-06-27"));
            assertThat(c.act()).isEqualTo("NoticeToQuitServed");
        });
    }

    /** An order to leave dated after the payment delays ran out leaves them elapsed: nothing to correct. */
    @Test
    void anOrderToLeaveDatedAfterThePaymentDelaysLeavesThemElapsed() {
        ProcedureHarness dossier = new ProcedureHarness(extension.getProcessEngine(), new DepartementSettings());
        dossier.travelTo(d("2026-11-23")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "93066", d("2012-03-01"), d("2019-01-02")));
        dossier.act(new fr.prevexp.engine.events.JudgmentDelivered(CASE, d("2019-11-02"), commissaire(),
                fr.prevexp.engine.events.JudgmentDelivered.Outcome.TERMINATION_WITH_PAYMENT_DELAYS, 21, null));
        dossier.act(new fr.prevexp.engine.events.NoticeToQuitServed(CASE, d("2021-09-01"), commissaire()));
        assertThat(dossier.elapsed(fr.prevexp.engine.DeadlineKind.PAYMENT_DELAYS)).isTrue();
        assertThat(dossier.recorded(fr.prevexp.engine.events.DeadlineCorrected.class)).isEmpty();
    }

    /**
     * Found by the property: a closure posted in the same batch as earlier acts ended the procedure
     * before their steps and their timers, already due, had run: the payment order's delay, which ran
     * out long before the closure, was never scheduled nor declared elapsed (on the day: ELAPSED). The
     * closure now waits for the steps already correlated and the timers due before its day
     * ({@code Task_SettleBeforeClosure}).
     */
    @Test
    void aClosurePostedWithEarlierActsLetsTheirWindowsCloseFirst() {
        ProcedureHarness dossier = new ProcedureHarness(extension.getProcessEngine(), new DepartementSettings());
        dossier.travelTo(d("2026-11-23")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "93066", d("2012-03-01"), d("2019-01-02")));
        dossier.together(new PaymentOrderServed(CASE, d("2019-03-24"), commissaire(), null),
                new fr.prevexp.engine.events.CaseClosed(CASE, d("2019-11-19"), commissaire(), fr.prevexp.engine.CaseOutcome.OTHER));
        assertThat(dossier.elapsed(fr.prevexp.engine.DeadlineKind.PAYMENT_ORDER_DELAY)).as("the delay ran out on 2019-05-24, before the closure").isTrue();
        assertThat(extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE).count())
                .as("then the closure ends the procedure").isZero();
    }

    /** A window still open on the closure's day stays open: the procedure ends with the closure, as on the day. */
    @Test
    void aClosureBeforeAWindowRunsOutEndsTheProcedureWithoutIt() {
        ProcedureHarness dossier = new ProcedureHarness(extension.getProcessEngine(), new DepartementSettings());
        dossier.travelTo(d("2026-11-23")).act(opened(Parc.PRIVATE, LandlordKind.PRIVATE_PERSON, "93066", d("2012-03-01"), d("2019-01-02")));
        dossier.together(new PaymentOrderServed(CASE, d("2019-03-24"), commissaire(), null),
                new fr.prevexp.engine.events.CaseClosed(CASE, d("2019-04-15"), commissaire(), fr.prevexp.engine.CaseOutcome.OTHER));
        assertThat(dossier.elapsed(fr.prevexp.engine.DeadlineKind.PAYMENT_ORDER_DELAY)).as("the delay ran until 2019-05-24, after the closure").isFalse();
        assertThat(extension.getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE).count()).isZero();
    }
}
