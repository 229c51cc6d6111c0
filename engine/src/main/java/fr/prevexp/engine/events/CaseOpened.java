package fr.prevexp.engine.events;

import fr.prevexp.engine.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;

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
                         @Size(max = Limits.REFERENCE, message = Limits.TOO_LONG) String reference,
                         CaseSource source, Parc parc, String territory,
                         LocalDate leaseSignedOn, @Valid Household household, @Valid Landlord landlord,
                         @DecimalMin(value = "0", message = Money.NOT_NEGATIVE)
                         @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) BigDecimal monthlyRent,
                         @DecimalMin(value = "0", message = Money.NOT_NEGATIVE)
                         @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) BigDecimal monthlyCharges,
                         @DecimalMin(value = "0", message = Money.NOT_NEGATIVE)
                         @DecimalMax(value = Limits.AMOUNT_MAX, message = Limits.AMOUNT_TOO_LARGE) BigDecimal debt,
                         @Size(max = Parties.MAX_NAMED_AT_OPENING, message = Limits.TOO_MANY)
                         List<@Size(max = Limits.ORGANISATION, message = Limits.TOO_LONG) String> partners) implements CaseEvent {
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
                .require(Money.isEuros(monthlyRent), "monthlyRent", Money.TWO_DECIMALS)
                .require(Money.isEuros(monthlyCharges), "monthlyCharges", Money.TWO_DECIMALS)
                .require(Money.isEuros(debt), "debt", Money.TWO_DECIMALS)
                .require(source != null, "source", "obligatoire : " + java.util.Arrays.toString(CaseSource.values()))
                .require(parc != null, "parc", "obligatoire : PUBLIC ou PRIVATE")
                .require(territory != null && territory.matches("(\\d{5}|2[AB]\\d{3})"), "territory",
                        "doit être un code commune INSEE (5 caractères, par exemple 93066 ou 2A004)")
                .require(leaseSignedOn == null || occurredOn == null || !leaseSignedOn.isAfter(occurredOn),
                        "leaseSignedOn", "ne doit pas être postérieure à la date d'ouverture")
                .require(Limits.within(leaseSignedOn, Limits.OLDEST_LEASE, Limits.LATEST_DATE), "leaseSignedOn",
                        "ne doit pas être antérieure au " + Limits.OLDEST_LEASE)
                .require(landlord != null && landlord.kind() != null, "landlord.kind",
                        "obligatoire : " + java.util.Arrays.toString(LandlordKind.values()))
                .and(Parties.organisationProblems("partners", partners, false))
                .list();
    }

    /** The département (first two characters of the INSEE code; 97x overseas). */
    public String departement() {
        return territory.startsWith("97") ? territory.substring(0, 3) : territory.substring(0, 2);
    }
}
