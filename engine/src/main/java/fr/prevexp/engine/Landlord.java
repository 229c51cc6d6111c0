package fr.prevexp.engine;

import jakarta.validation.constraints.Size;

/** The landlord (<i>bailleur</i>): its kind, its name and, when it is a partner, its account's organisation. A private
 * landlord's name is a person's: {@link PersonalData}. */
public record Landlord(LandlordKind kind,
                       @PersonalData(PersonalData.Kind.THIRD_PARTY) @Size(max = Limits.NAME, message = Limits.TOO_LONG) String name,
                       @Size(max = Limits.ORGANISATION, message = Limits.TOO_LONG) String organisation) {
}
