package fr.prevexp.api.personaldata;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires crypto-shredding into Axon: the event serializer Axon's auto-configuration builds (bean
 * {@code eventSerializer}: Jackson, as configured in {@code application.yml}) is wrapped in a
 * {@link PersonalDataSerializer}, so the stored format of everything else is unchanged.
 */
@Configuration
@EnableScheduling
public class PersonalDataConfig {

    @Bean
    static BeanPostProcessor personalDataSerializer(ObjectProvider<PersonalDataKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if ("eventSerializer".equals(beanName) && bean instanceof Serializer serializer && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }
}
