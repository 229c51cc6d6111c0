package fr.prevexp.engine;

/**
 * The household (<i>ménage</i>). Personal data (RGPD, secret professionnel): never copied into
 * process variables or indicator tables, shown only to parties of the dossier.
 */
public record Household(String name, String address, Integer persons, String phone) {
}
