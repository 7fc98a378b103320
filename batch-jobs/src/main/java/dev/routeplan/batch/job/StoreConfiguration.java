package dev.routeplan.batch.job;

import dev.routeplan.batch.privacy.PersonalDataCipher;
import dev.routeplan.batch.privacy.PhoneLookup;
import dev.routeplan.batch.store.ArtifactStore;
import dev.routeplan.batch.store.AuditStore;
import dev.routeplan.batch.store.ComplianceStore;
import dev.routeplan.batch.store.CustomerRecords;
import dev.routeplan.batch.store.ConditionsStore;
import dev.routeplan.batch.store.DeliveryStore;
import dev.routeplan.batch.store.FleetStore;
import dev.routeplan.batch.store.InputFileStore;
import dev.routeplan.batch.store.OrderStore;
import dev.routeplan.batch.store.PlanDatePurge;
import dev.routeplan.batch.store.PlanRevisionStore;
import dev.routeplan.batch.store.PlanStore;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The project's tables, one store per kind of record. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    InputFileStore inputFileStore(JdbcClient jdbc) {
        return new InputFileStore(jdbc);
    }

    @Bean
    FleetStore fleetStore(JdbcClient jdbc) {
        return new FleetStore(jdbc);
    }

    @Bean
    OrderStore orderStore(DataSource dataSource, PersonalDataCipher cipher, PhoneLookup phones) {
        return new OrderStore(dataSource, cipher, phones);
    }

    @Bean
    CustomerRecords customerRecords(JdbcClient jdbc) {
        return new CustomerRecords(jdbc);
    }

    @Bean
    PlanStore planStore(JdbcClient jdbc) {
        return new PlanStore(jdbc);
    }

    @Bean
    ComplianceStore complianceStore(JdbcClient jdbc) {
        return new ComplianceStore(jdbc);
    }

    @Bean
    ConditionsStore conditionsStore(JdbcClient jdbc) {
        return new ConditionsStore(jdbc);
    }

    @Bean
    AuditStore auditStore(JdbcClient jdbc) {
        return new AuditStore(jdbc);
    }

    @Bean
    PlanRevisionStore planRevisionStore(JdbcClient jdbc) {
        return new PlanRevisionStore(jdbc);
    }

    @Bean
    DeliveryStore deliveryStore(JdbcClient jdbc) {
        return new DeliveryStore(jdbc);
    }

    @Bean
    ArtifactStore artifactStore(JdbcClient jdbc) {
        return new ArtifactStore(jdbc);
    }

    @Bean
    PlanDatePurge planDatePurge(JdbcClient jdbc, PlatformTransactionManager transactions) {
        return new PlanDatePurge(jdbc, new TransactionTemplate(transactions));
    }
}
