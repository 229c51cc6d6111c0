package fr.prevexp.processes;

import fr.prevexp.engine.calendar.WinterTruce;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunction;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legal calendar's rules that the DMN tables call in FEEL, so that they stay in one place (the
 * engine's {@link WinterTruce}, which also refuses an eviction during the truce):
 * {@code winterTruceCovers(day)} (<i>trêve hivernale</i>, CPCE L412-6) and
 * {@code firstDayOutsideWinterTruce(day)}. Registered on the process engine by {@link Plugin} (the
 * application) or by {@code camunda.cfg.xml} (the process tests).
 */
public class LegalFeelFunctions implements FeelCustomFunctionProvider {
    private final Map<String, CustomFunction> functions = Map.of(
            "winterTruceCovers", CustomFunction.create().setParams("day")
                    .setFunction(args -> WinterTruce.covers(day(args.get(0)))).build(),
            "firstDayOutsideWinterTruce", CustomFunction.create().setParams("day")
                    .setFunction(args -> WinterTruce.firstDayOutside(day(args.get(0)))).build());

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate date) return date;
        if (value instanceof String text) return LocalDate.parse(text);
        throw new IllegalArgumentException("a date is expected, not " + value);
    }

    @Override
    public Optional<CustomFunction> resolveFunction(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public Collection<String> getFunctionNames() {
        return functions.keySet();
    }

    /** Registers the functions on the application's process engine (a Spring bean: the Camunda starter applies it). */
    public static class Plugin extends AbstractProcessEnginePlugin {
        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            List<FeelCustomFunctionProvider> providers = new ArrayList<>();
            if (configuration.getDmnFeelCustomFunctionProviders() != null) providers.addAll(configuration.getDmnFeelCustomFunctionProviders());
            providers.add(new LegalFeelFunctions());
            configuration.setDmnFeelCustomFunctionProviders(providers);
        }
    }
}
