package fr.prevexp.projections.indicators;

import fr.prevexp.engine.Parc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The indicators the log can feed (<i>indicateurs</i>): the fixed keys of the public API, the 24
 * follow-up indicators of the Côte-d'Or charter and the objectives and typology indicators of the
 * Seine-Saint-Denis charter. Each has a stable key, a French label and a written definition; all
 * count acts by the year of their legal date ({@code occurredOn}) unless the definition says so.
 */
public enum Indicator {
    PAYMENT_ORDERS("Commandements de payer signifiés", "PaymentOrderServed dated in the year.", f -> f.count("PaymentOrderServed")),
    SUMMONSES("Assignations délivrées", "SummonsServed dated in the year.", f -> f.count("SummonsServed")),
    JUDGMENTS("Jugements rendus", "JudgmentDelivered dated in the year.", f -> f.count("JudgmentDelivered")),
    CONTRADICTORY_DECISION_RATE("Taux de décisions contradictoires",
            "Judgments of the year whose latest hearing before them had the tenant present or represented (HearingHeld.tenantPresent), divided by the judgments of the year.",
            f -> FactSet.rate(f.count("JudgmentDelivered", j -> Boolean.TRUE.equals(j.getFlag())), f.count("JudgmentDelivered"))),
    CONDITIONAL_DECISION_RATE("Taux de décisions conditionnelles (octroi de délais)",
            "Judgments of the year with outcome TERMINATION_WITH_PAYMENT_DELAYS, divided by the judgments of the year.",
            f -> FactSet.rate(f.count("JudgmentDelivered", j -> "TERMINATION_WITH_PAYMENT_DELAYS".equals(j.getCode())), f.count("JudgmentDelivered"))),
    NOTICES_TO_QUIT("Commandements de quitter les lieux", "NoticeToQuitServed dated in the year.", f -> f.count("NoticeToQuitServed")),
    POLICE_ASSISTANCE_REQUESTED("Concours de la force publique requis", "PoliceAssistanceRequested dated in the year.", f -> f.count("PoliceAssistanceRequested")),
    POLICE_ASSISTANCE_GRANTED("Concours de la force publique accordés", "PoliceAssistanceGranted dated in the year.", f -> f.count("PoliceAssistanceGranted")),
    GRANTED_TO_SUMMONS_RATIO("Rapport concours accordés / assignations",
            "POLICE_ASSISTANCE_GRANTED divided by SUMMONSES of the same year.",
            f -> FactSet.rate(f.count("PoliceAssistanceGranted"), f.count("SummonsServed"))),
    EVICTIONS_CARRIED_OUT("Expulsions réalisées avec le concours de la force publique", "EvictionCarriedOut dated in the year.", f -> f.count("EvictionCarriedOut")),
    DEPARTURES_WITHOUT_POLICE("Départs du ménage sans intervention de la force publique",
            "KeysReturned dated in the year, on dossiers where an order to leave had been served.", f -> f.count("KeysReturned", k -> Boolean.TRUE.equals(k.getFlag()))),

    CCAPEX_REFERRALS("Saisines de la CCAPEX", "CcapexReferralReceived dated in the year.", f -> f.count("CcapexReferralReceived")),
    REPAYMENT_PLANS("Plans d'apurement signés", "RepaymentPlanAgreed dated in the year.", f -> f.count("RepaymentPlanAgreed")),
    REPAYMENT_PLANS_BROKEN("Plans d'apurement non respectés", "RepaymentPlanBroken dated in the year.", f -> f.count("RepaymentPlanBroken")),
    SOCIAL_DIAGNOSES_REQUESTED("Diagnostics sociaux et financiers demandés", "SocialDiagnosisRequested dated in the year.", f -> f.count("SocialDiagnosisRequested")),
    SOCIAL_DIAGNOSES_DELIVERED("Diagnostics sociaux et financiers réalisés", "SocialDiagnosisDelivered dated in the year.", f -> f.count("SocialDiagnosisDelivered")),
    CCAPEX_EXAMINATIONS("Dossiers examinés par la CCAPEX (diagnostics CCAPEX)", "CcapexExamined dated in the year.", f -> f.count("CcapexExamined")),
    HOUSING_FUND_AIDS("Aides FSL impayés de loyer accordées", "HousingFundAidGranted dated in the year.", f -> f.count("HousingFundAidGranted")),
    PROTOCOLS_SIGNED("Protocoles de cohésion sociale signés", "SocialCohesionProtocolSigned dated in the year.", f -> f.count("SocialCohesionProtocolSigned")),
    NEW_LEASES_AFTER_TERMINATION("Nouveaux baux signés après la résiliation du bail", "NewLeaseSigned dated in the year (only after a terminating judgment).", f -> f.count("NewLeaseSigned")),
    DALO_APPEALS("Ménages ayant saisi la commission DALO", "DaloAppealFiled dated in the year.", f -> f.count("DaloAppealFiled")),
    DALO_PRIORITIES("Ménages reconnus prioritaires DALO", "DaloPriorityRecognised dated in the year.", f -> f.count("DaloPriorityRecognised")),
    DALO_NOT_REHOUSED_WITHIN_3_MONTHS("Ménages prioritaires DALO non relogés dans les 3 mois",
            "Dossiers recognised DALO priority in the year whose 3 months have run out (before today) without a HouseholdRehoused within them.",
            Indicator::daloNotRehousedWithinThreeMonths),
    HOUSEHOLDS_REHOUSED("Ménages menacés d'expulsion relogés", "HouseholdRehoused dated in the year.", f -> f.count("HouseholdRehoused")),
    SIAO_ORIENTATIONS("Ménages orientés vers le SIAO", "SupportMeasureStarted of kind SIAO_ORIENTATION dated in the year.", f -> f.count("SupportMeasureStarted", s -> "SIAO_ORIENTATION".equals(s.getCode()))),
    ASLL_MEASURES("Mesures ASLL maintien mises en place", "SupportMeasureStarted of kind ASLL dated in the year.", f -> f.count("SupportMeasureStarted", s -> "ASLL".equals(s.getCode()))),
    MASP_MEASURES("MASP mises en place dans le cadre d'impayés de loyer", "SupportMeasureStarted of kind MASP dated in the year.", f -> f.count("SupportMeasureStarted", s -> "MASP".equals(s.getCode()))),

    UNPAID_RENT_REPORTS("Signalements d'impayés précoces", "UnpaidRentReported dated in the year.", f -> f.count("UnpaidRentReported")),
    DALO_SHARE_AT_POLICE_REQUEST("Part des ménages DALO au stade de la réquisition du concours",
            "PoliceAssistanceRequested of the year on dossiers already recognised DALO priority, divided by the requests of the year.",
            f -> FactSet.rate(f.count("PoliceAssistanceRequested", r -> Boolean.TRUE.equals(r.getFlag())), f.count("PoliceAssistanceRequested"))),
    EVICTIONS_PRIVATE("Expulsions réalisées dans le parc privé", "EvictionCarriedOut dated in the year on private-parc dossiers.", f -> f.count("EvictionCarriedOut", e -> e.getParc() == Parc.PRIVATE)),
    EVICTIONS_PUBLIC("Expulsions réalisées dans le parc social", "EvictionCarriedOut dated in the year on social-housing dossiers.", f -> f.count("EvictionCarriedOut", e -> e.getParc() == Parc.PUBLIC)),
    EVICTIONS_WITHOUT_SHELTER("Expulsions réalisées sans solution", "EvictionCarriedOut dated in the year without a shelter solution (withShelterSolution not true).", f -> f.count("EvictionCarriedOut", e -> !Boolean.TRUE.equals(e.getFlag()))),
    AVDL_MEASURES("Ménages suivis au titre de l'AVDL", "SupportMeasureStarted of kind AVDL dated in the year.", f -> f.count("SupportMeasureStarted", s -> "AVDL".equals(s.getCode()))),
    EMPEX_MEASURES("Ménages accompagnés par l'EMPEX", "SupportMeasureStarted of kind EMPEX dated in the year.", f -> f.count("SupportMeasureStarted", s -> "EMPEX".equals(s.getCode()))),
    SUMMONSES_PRIVATE("Assignations – parc privé", "SummonsServed dated in the year on private-parc dossiers.", f -> f.count("SummonsServed", s -> s.getParc() == Parc.PRIVATE)),
    SUMMONSES_PUBLIC("Assignations – parc social", "SummonsServed dated in the year on social-housing dossiers.", f -> f.count("SummonsServed", s -> s.getParc() == Parc.PUBLIC)),
    NOTICES_TO_QUIT_PRIVATE("Commandements de quitter les lieux – parc privé", "NoticeToQuitServed dated in the year on private-parc dossiers.", f -> f.count("NoticeToQuitServed", s -> s.getParc() == Parc.PRIVATE)),
    NOTICES_TO_QUIT_PUBLIC("Commandements de quitter les lieux – parc social", "NoticeToQuitServed dated in the year on social-housing dossiers.", f -> f.count("NoticeToQuitServed", s -> s.getParc() == Parc.PUBLIC)),
    IMPLICIT_REFUSALS("Refus implicites du concours de la force publique", "PoliceAssistanceImplicitlyRefused dated in the year (the préfet's 2 months ran out), except those withdrawn (ImplicitRefusalWithdrawn: a decision dated within the 2 months was recorded later).",
            f -> f.count("PoliceAssistanceImplicitlyRefused", r -> !Boolean.FALSE.equals(r.getFlag()))),
    OVER_INDEBTEDNESS_FILES("Dossiers de surendettement recevables intégrant une dette de loyer",
            "OverIndebtednessFileAdmitted dated in the year (every dossier here is one of unpaid rent).", f -> f.count("OverIndebtednessFileAdmitted")),
    DALO_REHOUSINGS("Relogements de ménages reconnus prioritaires DALO",
            "HouseholdRehoused dated in the year on dossiers recognised DALO priority before (DaloPriorityRecognised).",
            f -> f.count("HouseholdRehoused", r -> Boolean.TRUE.equals(r.getFlag()))),
    MEAN_DEBT_AT_OPENING("Dette locative moyenne des dossiers ouverts",
            "Mean of the debt declared at opening (CaseOpened.debt) of the dossiers opened in the year, in euros; dossiers without a declared debt left out.",
            Indicator::meanDebtAtOpening),
    MEDIAN_DEBT_EXAMINED("Montant médian de la dette des ménages examinés en CCAPEX",
            "Median of the dossier's debt (opening debt, then the latest amount reported or claimed) at each CcapexExamined of the year.",
            Indicator::medianDebtExamined),
    FOLLOW_UP_EVICTED("Suivi à un an après examen en CCAPEX : ménages expulsés",
            "Dossiers first examined by the CCAPEX in the year with an EvictionCarriedOut within 365 days after the examination.",
            f -> followUp(f, "EvictionCarriedOut", null)),
    FOLLOW_UP_REHOUSED("Suivi à un an après examen en CCAPEX : ménages relogés",
            "Dossiers first examined by the CCAPEX in the year with a HouseholdRehoused within 365 days after the examination.",
            f -> followUp(f, "HouseholdRehoused", null)),
    FOLLOW_UP_DEBT_CLEARED("Suivi à un an après examen en CCAPEX : dette soldée",
            "Dossiers first examined by the CCAPEX in the year closed with outcome DEBT_CLEARED within 365 days after the examination.",
            f -> followUp(f, "CaseClosed", "DEBT_CLEARED")),
    FOLLOW_UP_OVER_INDEBTEDNESS("Suivi à un an après examen en CCAPEX : surendettement en cours",
            "Dossiers first examined by the CCAPEX in the year with an OverIndebtednessFileAdmitted up to 365 days after the examination.",
            f -> followUp(f, "OverIndebtednessFileAdmitted", null)),
    FOLLOW_UP_CLOSED_OTHER("Suivi à un an après examen en CCAPEX : dossier classé",
            "Dossiers first examined by the CCAPEX in the year closed with outcome OTHER (classement, désistement) within 365 days after the examination.",
            f -> followUp(f, "CaseClosed", "OTHER"));

    private final String label;
    private final String definition;
    private final Function<FactSet, Object> compute;

    Indicator(String label, String definition, Function<FactSet, Object> compute) {
        this.label = label;
        this.definition = definition;
        this.compute = compute;
    }

    public String label() { return label; }

    public String definition() { return definition; }

    public Object valueOf(FactSet facts) { return compute.apply(facts); }

    private static Object daloNotRehousedWithinThreeMonths(FactSet f) {
        List<DatedFact> recognised = f.firstOfYear("DaloPriorityRecognised");
        Map<String, List<DatedFact>> rehoused = f.actsOfDossiersWith("DaloPriorityRecognised", List.of("HouseholdRehoused"));
        return recognised.stream().filter(r -> {
            LocalDate end = r.occurredOn().plusMonths(3);
            if (!end.isBefore(f.today())) return false;
            return rehoused.getOrDefault(r.caseId(), List.of()).stream()
                    .noneMatch(t -> !t.occurredOn().isBefore(r.occurredOn()) && !t.occurredOn().isAfter(end));
        }).count();
    }

    private static Object meanDebtAtOpening(FactSet f) {
        List<BigDecimal> debts = f.amounts("CaseOpened");
        if (debts.isEmpty()) return null;
        return debts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(debts.size()), 2, RoundingMode.HALF_UP);
    }

    private static Object medianDebtExamined(FactSet f) {
        List<BigDecimal> debts = f.amounts("CcapexExamined");
        if (debts.isEmpty()) return null;
        int n = debts.size();
        return n % 2 == 1 ? debts.get(n / 2) : debts.get(n / 2 - 1).add(debts.get(n / 2)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    /** What the one-year follow-up after a CCAPEX examination looks for (one query for the five indicators). */
    private static final List<String> FOLLOW_UP_ACTS = List.of("EvictionCarriedOut", "HouseholdRehoused", "CaseClosed", "OverIndebtednessFileAdmitted");

    /** Dossiers first examined in the year with an act of that type (and code) within 365 days after the examination. */
    private static Object followUp(FactSet f, String type, String code) {
        List<DatedFact> firstExamination = f.firstOfYear("CcapexExamined");
        Map<String, List<DatedFact>> timelines = f.actsOfDossiersWith("CcapexExamined", FOLLOW_UP_ACTS);
        return firstExamination.stream().filter(exam -> {
            LocalDate from = exam.occurredOn();
            LocalDate to = from.plusDays(365);
            return timelines.getOrDefault(exam.caseId(), List.of()).stream().anyMatch(t -> t.is(type)
                    && (code == null || code.equals(t.code()))
                    && !t.occurredOn().isAfter(to)
                    && (type.equals("OverIndebtednessFileAdmitted") || !t.occurredOn().isBefore(from)));
        }).count();
    }
}
