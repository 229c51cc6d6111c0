package fr.prevexp.engine;

/** Kind of landlord (<i>nature du bailleur</i>): decides who must refer to the CCAPEX and when. */
public enum LandlordKind {
    /** bailleur social */ SOCIAL,
    /** personne physique */ PRIVATE_PERSON,
    /** SCI familiale */ FAMILY_SCI,
    /** personne morale autre qu'une SCI familiale */ LEGAL_ENTITY;

    /** Legal entities (not family SCIs) must refer to the CCAPEX 2 months before a summons (loi 89-462 art. 24 II). */
    public boolean mustReferBeforeSummons() {
        return this == SOCIAL || this == LEGAL_ENTITY;
    }
}
