package fr.prevexp.engine;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The household (<i>ménage</i>). Personal data (RGPD, secret professionnel): never copied into
 * process variables or indicator tables, shown only to parties of the dossier; its name, address
 * and phone are {@link PersonalData} (encrypted with the dossier's key, each shown to the roles that need it).
 */
public record Household(@PersonalData(PersonalData.Kind.IDENTITY) @Size(max = Limits.NAME, message = Limits.TOO_LONG) String name,
                        @PersonalData(PersonalData.Kind.ADDRESS) @Size(max = Limits.ADDRESS, message = Limits.TOO_LONG) String address,
                        @Min(value = 1, message = Limits.AT_LEAST) @Max(value = Limits.PERSONS_MAX, message = Limits.AT_MOST) Integer persons,
                        @PersonalData(PersonalData.Kind.CONTACT) @Size(max = Limits.PHONE, message = Limits.TOO_LONG) String phone) {
}
