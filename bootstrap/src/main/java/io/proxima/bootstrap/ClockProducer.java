package io.proxima.bootstrap;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The system clock in UTC; tests replace it with a controllable one. */
@ApplicationScoped
public class ClockProducer {

    // @Singleton: Clock cannot be proxied (no public no-arg constructor).
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
