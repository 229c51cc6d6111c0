package fr.prevexp.api.config;

import com.fasterxml.jackson.core.JsonParser;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Request bodies are parsed strictly: a key that appears twice in one JSON object is refused
 * ({@code 400}, naming the field) instead of the last one silently winning.
 */
@Configuration
public class StrictJson {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer duplicateKeysRefused() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
