package fr.prevexp.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A personal field of an event (<i>donnée à caractère personnel</i>, RGPD): a text (or a list of
 * texts) that names or locates a person, or may (a free text). The event store keeps it encrypted
 * with the dossier's own key, so that deleting the key erases it wherever the log is read
 * (crypto-shredding); each role sees only the {@link Kind}s it needs. Put it on record components;
 * a record component whose type is itself a record (the {@link Household}) is searched too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
    Kind value();

    /** What a personal field tells, so that each role sees what it needs (minimisation). */
    enum Kind {
        /** Who the household is (<i>identité</i>): its name. */
        IDENTITY("identité du ménage"),
        /** Where it lives (<i>adresse</i>). */
        ADDRESS("adresse du ménage"),
        /** How to reach it (<i>coordonnées</i>): its phone. */
        CONTACT("coordonnées du ménage"),
        /** A landlord or referrer named as a person (<i>nom d'un tiers</i>). */
        THIRD_PARTY("nom d'un tiers (bailleur, auteur de la saisine)"),
        /** A free text that may tell anything about the household (<i>texte libre</i>: avis, motifs). */
        FREE_TEXT("texte libre (avis, motifs)");

        private final String french;

        Kind(String french) {
            this.french = french;
        }

        public String french() {
            return french;
        }
    }

    /** What a reader finds in place of a personal field whose dossier's key was deleted. */
    String ERASED = "[effacé]";
}
