package fr.prevexp.engine;

import fr.prevexp.engine.events.CaseEvent;
import fr.prevexp.engine.events.CaseOpened;
import fr.prevexp.engine.events.FieldProblem;
import fr.prevexp.engine.events.PartnerDesignated;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may read and write a dossier (<i>parties au dossier</i>): the one rule of access, used by the
 * API for every operation on a dossier and by the case list's read model.
 * <ul>
 *   <li>The secretariat (CCAPEX), the préfecture and auditors read every dossier.</li>
 *   <li>Any other partner reads a dossier, and records on it the acts of its trade, only when its
 *       organisation is party to it. An organisation becomes party by:
 *     <ol>
 *       <li>opening the dossier ({@link CaseOpened#recordedBy()});</li>
 *       <li>being named in it at opening: the landlord's {@code landlord.organisation}, and the
 *           partner organisations of {@link CaseOpened#partners()};</li>
 *       <li>being designated later by the secretariat ({@link PartnerDesignated}).</li>
 *     </ol>
 *   </li>
 * </ul>
 * Recording an act does not make an organisation party; no event removes a party.
 */
public final class Parties {
    /** Trades that read every dossier. */
    private static final Set<Trade> READ_EVERY_DOSSIER = EnumSet.of(Trade.CCAPEX, Trade.PREFECTURE, Trade.AUDITOR);
    /** An organisation identifier, as in the accounts: letters, digits and {@code . _ @ : / -}, 128 characters at most. */
    private static final Pattern ORGANISATION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._@:/-]{0,127}");
    /** How many partner organisations an opening may name. */
    public static final int MAX_NAMED_AT_OPENING = 20;

    private Parties() {
    }

    public static boolean readsEveryDossier(Trade trade) {
        return READ_EVERY_DOSSIER.contains(trade);
    }

    /** The organisations this event makes party to its dossier (empty for every act but the opening and a designation). */
    public static Set<String> madePartyBy(CaseEvent event) {
        Set<String> parties = new LinkedHashSet<>();
        if (event instanceof CaseOpened o) {
            if (o.recordedBy() != null && o.recordedBy().trade() != Trade.PROCEDURE) parties.add(o.recordedBy().organisation());
            if (o.landlord() != null && o.landlord().organisation() != null) parties.add(o.landlord().organisation());
            if (o.partners() != null) parties.addAll(o.partners());
        } else if (event instanceof PartnerDesignated d && d.organisation() != null) {
            parties.add(d.organisation());
        }
        return parties;
    }

    /** Every organisation party to the dossier of these events. */
    public static Set<String> of(Iterable<? extends CaseEvent> events) {
        Set<String> parties = new LinkedHashSet<>();
        events.forEach(e -> parties.addAll(madePartyBy(e)));
        return parties;
    }

    /**
     * Whether a partner of this trade and organisation may read the dossier of these events and
     * record on it the acts of its trade (which acts a trade records is {@link ActType#recordableBy}).
     */
    public static boolean mayAccess(Trade trade, String organisation, Iterable<? extends CaseEvent> events) {
        if (readsEveryDossier(trade)) return true;
        if (organisation == null) return false;
        for (CaseEvent e : events) {
            if (madePartyBy(e).contains(organisation)) return true;
        }
        return false;
    }

    /** Problems of organisation identifiers named in an act ({@code field}, or {@code field[i]} for a list). */
    public static List<FieldProblem> organisationProblems(String field, List<String> organisations, boolean single) {
        List<FieldProblem> problems = new ArrayList<>();
        if (organisations == null) {
            if (single) problems.add(new FieldProblem(field, "est obligatoire : l'identifiant de l'organisation partenaire"));
            return problems;
        }
        if (organisations.size() > MAX_NAMED_AT_OPENING) {
            problems.add(new FieldProblem(field, "au plus " + MAX_NAMED_AT_OPENING + " organisations"));
        }
        for (int i = 0; i < organisations.size(); i++) {
            String o = organisations.get(i);
            if (o == null || !ORGANISATION.matcher(o).matches()) {
                problems.add(new FieldProblem(single ? field : field + "[" + i + "]",
                        "doit être un identifiant d'organisation (lettres, chiffres, . _ @ : / -, 128 caractères au plus)"));
            }
        }
        return problems;
    }
}
