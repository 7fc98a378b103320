package dev.routeplan.batch.privacy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys of customers' personal data, read once at start-up, and what seals and finds it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyConfiguration {

    @Bean
    PersonalDataKeys personalDataKeys(PrivacyProperties properties) {
        return PersonalDataKeys.loadOrCreate(properties.keyFolder());
    }

    @Bean
    PersonalDataCipher personalDataCipher(PersonalDataKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    PhoneLookup phoneLookup(PersonalDataKeys keys) {
        return new PhoneLookup(keys);
    }
}
