package fr.prevexp.api.docs;

import fr.prevexp.engine.ActType;
import fr.prevexp.engine.DeadlineKind;
import fr.prevexp.engine.Irregularity;
import fr.prevexp.engine.Stage;
import fr.prevexp.engine.Trade;
import fr.prevexp.projections.indicators.Indicator;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's own documentation agrees with the code: {@code docs/domain.md} carries the
 * vocabulary, the stages, the irregularities, the DMN tables and the indicators as the code has
 * them (a generated section), and its hand-written deadline table names every deadline kind.
 * {@code -Dprevexp.docs.write=true} rewrites the generated section in place.
 */
class DocsAgreeWithCodeTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final String BEGIN = "<!-- generated:vocabulary -->";
    private static final String END = "<!-- /generated:vocabulary -->";

    @Test
    void theGeneratedSectionOfTheDomainPageIsTheCodes() throws IOException {
        Path page = DOCS.resolve("domain.md");
        String text = Files.readString(page);
        int begin = text.indexOf(BEGIN), end = text.indexOf(END);
        assertThat(begin).as("markers in %s", page).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = BEGIN + "\n" + generated() + END;
        String actual = text.substring(begin, end + END.length());
        if (!actual.equals(expected) && Boolean.getBoolean("prevexp.docs.write")) {
            Files.writeString(page, text.substring(0, begin) + expected + text.substring(end + END.length()));
            return;
        }
        assertThat(actual).as("docs/domain.md is out of date with the code: run "
                + "`mvn -o -q -pl api -am test -Dtest=DocsAgreeWithCodeTest -Dsurefire.failIfNoSpecifiedTests=false -Dprevexp.docs.write=true`")
                .isEqualTo(expected);
    }

    @Test
    void theDeadlineTableNamesEveryDeadlineKindWithItsFrenchTerm() throws IOException {
        String text = Files.readString(DOCS.resolve("domain.md"));
        String table = text.substring(text.indexOf("## Legal deadlines"), text.indexOf("## Indicators"));
        for (DeadlineKind kind : DeadlineKind.values()) {
            assertThat(table).as("deadline table row for %s", kind).contains("`" + kind.name() + "`");
            assertThat(table).as("French term of %s", kind).contains(kind.french());
        }
    }

    @Test
    void theContractAndTheSourcesPagesExistAndAreLinkedFromTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (String page : List.of("docs/domain.md", "docs/api.md", "docs/sources.md")) {
            assertThat(Path.of("..", page)).exists();
            assertThat(readme).as("README links %s", page).contains(page);
        }
        assertThat(readme).doesNotContain("../shared/");
    }

    static String generated() {
        StringBuilder out = new StringBuilder();
        out.append("## Vocabulary (generated)\n\n")
                .append("The API's `type` of an act is the event's name. *Recorded by*: the trades besides the secretariat ")
                .append("(which records every act but the procedure's own).\n\n")
                .append("| event | French | recorded by |\n| --- | --- | --- |\n");
        for (ActType type : ActType.values()) {
            if (type.bookkeeping()) continue;
            out.append("| `").append(type.typeName()).append("` | ").append(type.french()).append(" | ")
                    .append(trades(type)).append(" |\n");
        }
        out.append("\nThe procedure's bookkeeping (never moves the stage):\n\n| event | French |\n| --- | --- |\n");
        for (ActType type : ActType.values()) {
            if (!type.bookkeeping()) continue;
            out.append("| `").append(type.typeName()).append("` | ").append(type.french()).append(" |\n");
        }
        out.append("\n## Stages (generated)\n\n| stage | French |\n| --- | --- |\n");
        for (Stage stage : Stage.values()) out.append("| `").append(stage).append("` | ").append(stage.french()).append(" |\n");
        out.append("\n## Irregularities (generated)\n\n| code | French |\n| --- | --- |\n");
        for (Irregularity code : Irregularity.values()) out.append("| `").append(code).append("` | ").append(code.french()).append(" |\n");
        out.append("\n## DMN tables (generated from `delais-legaux.dmn`)\n");
        out.append(dmnTables());
        out.append("\n## Indicators (generated)\n\n| key | label | definition |\n| --- | --- | --- |\n");
        for (Indicator indicator : Indicator.values()) {
            out.append("| `").append(indicator).append("` | ").append(indicator.label()).append(" | ")
                    .append(indicator.definition().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    private static String trades(ActType type) {
        if (type.trades().isEmpty()) return "secretariat only";
        return type.trades().stream().sorted().map(Trade::name).map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }

    private static String dmnTables() {
        StringBuilder out = new StringBuilder();
        try (InputStream in = DocsAgreeWithCodeTest.class.getResourceAsStream("/dmn/delais-legaux.dmn")) {
            DmnModelInstance model = Dmn.readModelFromStream(in);
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                if (decision.getExpression() instanceof LiteralExpression literal) {
                    out.append("\n**").append(decision.getName()).append("** (`").append(decision.getId()).append("`, FEEL)\n\n```\n")
                            .append(literal.getText().getTextContent().strip()).append("\n```\n");
                    continue;
                }
                DecisionTable table = (DecisionTable) decision.getExpression();
                List<Input> inputs = List.copyOf(table.getInputs());
                List<Output> outputs = List.copyOf(table.getOutputs());
                out.append("\n**").append(decision.getName()).append("** (`").append(decision.getId()).append("`)\n\n|");
                inputs.forEach(i -> out.append(" ").append(plain(i.getLabel())).append(" |"));
                outputs.forEach(o -> out.append(" ").append(plain(o.getLabel() != null ? o.getLabel() : o.getName())).append(" |"));
                out.append("\n|").append(" --- |".repeat(inputs.size() + outputs.size())).append("\n");
                for (Rule rule : table.getRules()) {
                    out.append("|");
                    for (InputEntry entry : rule.getInputEntries()) out.append(" ").append(cell(entry.getTextContent())).append(" |");
                    for (OutputEntry entry : rule.getOutputEntries()) out.append(" ").append(cell(entry.getTextContent())).append(" |");
                    out.append("\n");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static String plain(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
    }

    private static String cell(String text) {
        if (text == null) return "";
        String flat = text.strip().replaceAll("\\s+", " ").replace("|", "\\|");
        return flat.isEmpty() || flat.equals("-") ? "—" : "`" + flat.replace("`", "'") + "`";
    }
}
