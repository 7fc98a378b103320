package dev.routeplan.batch.travel;

import dev.routeplan.batch.job.RouteplanProperties;
import dev.routeplan.planning.domain.VehicleClass;
import dev.routeplan.planning.travel.HaversineTravelModel;
import dev.routeplan.planning.travel.MatrixTravelModel;
import dev.routeplan.planning.travel.SpeedProfile;
import dev.routeplan.planning.travel.TravelTimeProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import tools.jackson.databind.json.JsonMapper;

/** The one travel model the solver and the verifier share, and its Redis cache when enabled. */
@Configuration(proxyBeanMethods = false)
public class TravelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TravelConfiguration.class);

    @Bean
    TravelTimeProvider travelTimeProvider(RouteplanProperties properties, ObjectProvider<JedisPooled> travelCacheRedis,
                                          JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        MatrixTravelModel model = switch (properties.travel().provider()) {
            case HAVERSINE -> new HaversineTravelModel(properties.circuityFactor(), speedProfile(properties.travel()));
            case OSRM -> new OsrmTravelModel(properties.travel().osrm(), json);
        };
        JedisPooled redis = travelCacheRedis.getIfAvailable();
        if (redis == null) {
            return model;
        }
        RouteplanProperties.Redis settings = properties.redis();
        log.info("travel matrices ({}) cached in Redis at {}:{} ({}) for {}", model.fingerprint(), settings.host(),
                settings.port(), settings.hasPassword() ? "with a password" : "no password", settings.ttl());
        return new CachedTravelModel(model, redis, settings.ttl(), settings.keyPrefix(), settings.retryAfter(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Connects lazily: the pool opens a connection on the first command, so a Redis that is down delays nothing here. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "routeplan.redis.enabled", havingValue = "true")
    JedisPooled travelCacheRedis(RouteplanProperties properties) {
        RouteplanProperties.Redis settings = properties.redis();
        return redis(settings);
    }

    static JedisPooled redis(RouteplanProperties.Redis settings) {
        int timeoutMillis = (int) settings.timeout().toMillis();
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxWait(settings.timeout());
        // AUTH as Redis' default user when a password is set (compose's redis.conf, requirepass)
        return new JedisPooled(new HostAndPort(settings.host(), settings.port()),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeoutMillis)
                        .socketTimeoutMillis(timeoutMillis).password(settings.password()).build(), pool);
    }

    /** Delhi's hourly defaults, with the classes the configuration names replaced by its speeds. */
    static SpeedProfile speedProfile(RouteplanProperties.Travel travel) {
        SpeedProfile defaults = SpeedProfile.delhiDefaults();
        Map<VehicleClass, List<Double>> hourly = new EnumMap<>(VehicleClass.class);
        for (VehicleClass vc : VehicleClass.values()) {
            List<Double> speeds = new ArrayList<>();
            for (int h = 0; h < SpeedProfile.HOURS; h++) {
                speeds.add(defaults.speedKmhAtHour(vc, h));
            }
            hourly.put(vc, speeds);
        }
        hourly.putAll(travel.speeds());
        return SpeedProfile.of(hourly);
    }
}
