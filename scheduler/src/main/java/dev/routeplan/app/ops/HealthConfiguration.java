package dev.routeplan.app.ops;

import dev.routeplan.batch.deliver.OutboxProperties;
import dev.routeplan.batch.fetch.InboxProperties;
import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.batch.sftp.SftpEndpoint;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import redis.clients.jedis.JedisPooled;

/**
 * Health contributors of routeplan's own (the bean name less {@code HealthIndicator} is the
 * contributor's name). Which of them take the node out of rotation is the readiness group's
 * {@code include} list in {@code application.yaml}: the database, Quartz and Redis; SFTP and the
 * mail server ({@code mail}, Spring Boot's, when {@code spring.mail.host} is set) only show in
 * the full health.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class HealthConfiguration {

    @Bean
    QuartzHealthIndicator quartzHealthIndicator(Scheduler scheduler,
                                                @Value("${spring.quartz.auto-startup:true}") boolean autoStartup) {
        return new QuartzHealthIndicator(scheduler, autoStartup);
    }

    @Bean
    @ConditionalOnProperty(name = "routeplan.redis.enabled", havingValue = "true")
    RedisHealthIndicator redisHealthIndicator(JedisPooled travelCacheRedis, RouteplanProperties properties) {
        return new RedisHealthIndicator(travelCacheRedis, properties.redis().host() + ":" + properties.redis().port());
    }

    @Bean
    @ConditionalOnProperty(name = "routeplan.sftp.enabled", havingValue = "true")
    SftpHealthIndicator sftpInboxHealthIndicator(InboxProperties inbox, Environment environment) {
        return new SftpHealthIndicator(SftpEndpoint.bind(environment, "routeplan.sftp"), inbox.remoteDir());
    }

    @Bean
    @ConditionalOnProperty(name = "routeplan.outbox.enabled", havingValue = "true")
    SftpHealthIndicator sftpOutboxHealthIndicator(OutboxProperties outbox, Environment environment) {
        return new SftpHealthIndicator(SftpEndpoint.bind(environment, "routeplan.outbox"), outbox.remoteDir());
    }
}
