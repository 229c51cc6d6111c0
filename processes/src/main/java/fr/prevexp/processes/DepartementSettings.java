package fr.prevexp.processes;

import fr.prevexp.engine.calendar.LegalCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the law lets each département set (<i>paramètres départementaux</i>), under
 * {@code prevexp.departements.<code>}: the DALO rehousing window (6 months overseas and in the
 * départements with an agglomeration, or part of one, of over 300,000 inhabitants, CCH R441-16-1;
 * else 3: by default from the data file {@value #DALO_SIX_MONTHS_FILE}, with its sources), the
 * prefectoral CCAPEX-report threshold before the 2023 reform (3 to 6 months of arrears), and the
 * Alsace-Moselle calendar (57, 67, 68 by default). A setting in the configuration wins over the
 * default. They reach the DMN tables as inputs.
 */
@ConfigurationProperties(prefix = "prevexp")
public class DepartementSettings {
    static final String DALO_SIX_MONTHS_FILE = "/departements/dalo-six-mois.csv";
    /** The départements whose DALO window is 6 months by default (R441-16-1), read from {@value #DALO_SIX_MONTHS_FILE}. */
    public static final Set<String> DALO_SIX_MONTHS = loadDaloSixMonths();

    private Map<String, Settings> departements = new HashMap<>();

    public Map<String, Settings> getDepartements() { return departements; }
    public void setDepartements(Map<String, Settings> departements) { this.departements = departements; }

    public Settings of(String departement) {
        Settings configured = departements.get(departement);
        Settings settings = new Settings();
        // The law's default (the data file) unless the département's settings say otherwise.
        settings.setDaloLargeAgglomeration(configured != null && configured.daloLargeAgglomeration != null ? configured.daloLargeAgglomeration
                : departement != null && DALO_SIX_MONTHS.contains(departement));
        if (configured != null) settings.setCcapexReportArrearsMonthsBefore(configured.getCcapexReportArrearsMonthsBefore());
        // The local calendar follows the law (57, 67, 68) unless the département's settings say otherwise.
        settings.setAlsaceMoselle(configured != null && configured.alsaceMoselle != null ? configured.alsaceMoselle
                : LegalCalendar.of(departement).isAlsaceMoselle());
        return settings;
    }

    /** The first column of every line of the data file that is not a comment ({@code #}) nor blank. */
    static Set<String> loadDaloSixMonths() {
        Set<String> codes = new TreeSet<>();
        try (InputStream in = DepartementSettings.class.getResourceAsStream(DALO_SIX_MONTHS_FILE)) {
            if (in == null) throw new IllegalStateException(DALO_SIX_MONTHS_FILE + " is missing from the classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
                String code = trimmed.split(";", 2)[0].strip();
                if (!code.matches("\\d{2}|2[AB]|97\\d")) throw new IllegalStateException(DALO_SIX_MONTHS_FILE + ": not a département code: " + line);
                codes.add(code);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(codes);
    }

    public static class Settings {
        private Boolean daloLargeAgglomeration;
        private int ccapexReportArrearsMonthsBefore = 3;
        private Boolean alsaceMoselle;

        public boolean isDaloLargeAgglomeration() { return daloLargeAgglomeration != null && daloLargeAgglomeration; }
        public void setDaloLargeAgglomeration(Boolean v) { this.daloLargeAgglomeration = v; }
        public int getCcapexReportArrearsMonthsBefore() { return ccapexReportArrearsMonthsBefore; }
        public void setCcapexReportArrearsMonthsBefore(int v) {
            if (v < 3 || v > 6) throw new IllegalArgumentException("ccapex-report-arrears-months-before must be 3 to 6 (décret 2015-1384)");
            this.ccapexReportArrearsMonthsBefore = v;
        }
        public boolean isAlsaceMoselle() { return alsaceMoselle != null && alsaceMoselle; }
        public void setAlsaceMoselle(Boolean v) { this.alsaceMoselle = v; }
    }
}
