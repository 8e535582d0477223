package io.jenkins.plugins.devops.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void suggestsTheClosestKnownNameIgnoringCase() {
        assertThat(DidYouMean.hint("Intervall", List.of("count", "interval", "initialDelay")))
                .isEqualTo(" — did you mean 'interval'?");
    }

    @Test
    void saysNothingWhenNoNameIsClose() {
        assertThat(DidYouMean.hint("prometheusUrl", List.of("count", "interval")))
                .isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
