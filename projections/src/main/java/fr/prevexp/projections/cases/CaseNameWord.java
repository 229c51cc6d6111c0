package fr.prevexp.projections.cases;

import fr.prevexp.engine.Limits;
import jakarta.persistence.*;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One word of a household's name (<i>mot du nom du ménage</i>), lower case and without accents, so
 * that the case list finds "Famille Martin" from "martin" or "mart" through an index (a prefix of a
 * word), never by scanning every dossier. Written only by {@link CaseListProjection}.
 */
@Entity
@Table(name = "rm_case_name_word", indexes = @Index(name = "ix_case_name_word", columnList = "word, caseId"))
@IdClass(CaseNameWord.Key.class)
public class CaseNameWord {
    @Id
    @Column(length = Limits.CASE_ID)
    private String caseId;
    @Id
    @Column(length = Limits.NAME)
    private String word;

    protected CaseNameWord() {
    }

    CaseNameWord(String caseId, String word) {
        this.caseId = caseId;
        this.word = word;
    }

    /** The searchable form of a text: lower case, no accents, letters and digits only. */
    public static String normalize(String text) {
        if (text == null) return "";
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    /** The distinct words of a name, in their searchable form. */
    public static List<String> words(String name) {
        String n = normalize(name);
        return n.isEmpty() ? List.of() : Arrays.stream(n.split(" ")).distinct().toList();
    }

    public static class Key implements Serializable {
        private String caseId;
        private String word;

        public Key() {
        }

        public Key(String caseId, String word) {
            this.caseId = caseId;
            this.word = word;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(caseId, k.caseId) && Objects.equals(word, k.word);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caseId, word);
        }
    }
}
