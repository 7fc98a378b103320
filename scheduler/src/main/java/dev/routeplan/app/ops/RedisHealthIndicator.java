package dev.routeplan.app.ops;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import redis.clients.jedis.JedisPooled;

/** The travel-matrix cache of batch-jobs ({@code routeplan.redis}), pinged through the jobs' own pool. */
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final JedisPooled redis;
    private final String address;

    RedisHealthIndicator(JedisPooled redis, String address) {
        super("Redis health check failed");
        this.redis = redis;
        this.address = address;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.withDetail("address", address);
        String answer = redis.ping();
        if ("PONG".equals(answer)) {
            health.up();
        } else {
            health.down().withDetail("answer", answer);
        }
    }
}
