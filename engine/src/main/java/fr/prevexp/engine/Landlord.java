package fr.prevexp.engine;

/** The landlord (<i>bailleur</i>): its kind, its name and, when it is a partner, its account's organisation. */
public record Landlord(LandlordKind kind, String name, String organisation) {
}
