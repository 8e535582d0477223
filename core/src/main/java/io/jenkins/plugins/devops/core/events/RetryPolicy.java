package io.jenkins.plugins.devops.core.events;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * How often and how patiently the outbox retries a sink: exponential backoff with jitter, then the dead-letter file.
 *
 * @param maxAttempts attempts per event before it goes to the dead-letter file (at least 1)
 * @param initialDelay the wait after the first failure
 * @param maxDelay the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= initialDelay <= maxDelay, got "
                    + initialDelay + " and " + maxDelay);
        }
    }

    /** 8 attempts, waiting about 1 s, 2 s, 4 s … up to 5 min (about 6 minutes in all). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofMinutes(5));
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based): {@code initialDelay × 2^(attempt-1)}, capped
     * at {@code maxDelay}, then a random value between half of it and all of it, so that many outboxes that failed
     * together do not retry together.
     */
    public Duration delayAfter(int attempt, Random random) {
        long base = initialDelay.toMillis();
        long exp = base << Math.min(30, Math.max(0, attempt - 1));
        long capped = Math.min(maxDelay.toMillis(), exp < 0 ? Long.MAX_VALUE : exp);
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * (capped - half + 1))));
    }
}
