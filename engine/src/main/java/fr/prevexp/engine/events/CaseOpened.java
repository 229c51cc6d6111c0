package fr.prevexp.engine.events;

import fr.prevexp.engine.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Dossier opened (<i>ouverture du dossier : signalement ou saisine</i>) for one household in one
 * tenancy. {@code occurredOn} is the opening date ({@code openedOn} in the API). The lease signing
 * date decides the payment-order delay's legal regime; unknown, the older (longer) regime applies.
 * {@code partners} are the partner organisations named as parties at opening (optional; see
 * {@link Parties}: the opener and the landlord's organisation are parties too).
 */
public record CaseOpened(String caseId, LocalDate occurredOn, RecordedBy recordedBy,
                         String reference, CaseSource source, Parc parc, String territory,
                         LocalDate leaseSignedOn, Household household, Landlord landlord,
                         BigDecimal monthlyRent, BigDecimal monthlyCharges, BigDecimal debt,
                         List<String> partners) implements CaseEvent {
    public CaseOpened {
        monthlyRent = Money.euros(monthlyRent);
        monthlyCharges = Money.euros(monthlyCharges);
        debt = Money.euros(debt);
        partners = partners == null || partners.isEmpty() ? null : List.copyOf(partners);
    }

    /** An opening that names no partner organisation besides the landlord's. */
    public CaseOpened(String caseId, LocalDate occurredOn, RecordedBy recordedBy, String reference, CaseSource source, Parc parc,
                      String territory, LocalDate leaseSignedOn, Household household, Landlord landlord,
                      BigDecimal monthlyRent, BigDecimal monthlyCharges, BigDecimal debt) {
        this(caseId, occurredOn, recordedBy, reference, source, parc, territory, leaseSignedOn, household, landlord,
                monthlyRent, monthlyCharges, debt, null);
    }


    @Override
    public List<FieldProblem> problems() {
        return FieldProblem.Check.of()
                .require(Money.isEuros(monthlyRent), "monthlyRent", "must be euros with at most two decimals")
                .require(Money.isEuros(monthlyCharges), "monthlyCharges", "must be euros with at most two decimals")
                .require(Money.isEuros(debt), "debt", "must be euros with at most two decimals")
                .require(source != null, "source", "is required: " + java.util.Arrays.toString(CaseSource.values()))
                .require(parc != null, "parc", "is required: PUBLIC or PRIVATE")
                .require(territory != null && territory.matches("(\\d{5}|2[AB]\\d{3})"), "territory",
                        "must be an INSEE commune code (5 characters, e.g. 93066 or 2A004)")
                .require(leaseSignedOn == null || occurredOn == null || !leaseSignedOn.isAfter(occurredOn),
                        "leaseSignedOn", "must not be after the opening date")
                .require(landlord != null && landlord.kind() != null, "landlord.kind",
                        "is required: " + java.util.Arrays.toString(LandlordKind.values()))
                .require(monthlyRent == null || monthlyRent.signum() >= 0, "monthlyRent", "must not be negative")
                .require(monthlyCharges == null || monthlyCharges.signum() >= 0, "monthlyCharges", "must not be negative")
                .require(debt == null || debt.signum() >= 0, "debt", "must not be negative")
                .and(Parties.organisationProblems("partners", partners, false))
                .list();
    }

    /** The département (first two characters of the INSEE code; 97x overseas). */
    public String departement() {
        return territory.startsWith("97") ? territory.substring(0, 3) : territory.substring(0, 2);
    }
}
