package io.jenkins.plugins.devops.core.dora;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoraTextTest {

    @Test
    void decimalsAreRoundedHalfUpWithTheRequestedPlaces() {
        assertThat(DoraText.decimal(98.3630952, 3)).isEqualTo("98.363");
        assertThat(DoraText.decimal(0.5714285, 2)).isEqualTo("0.57");
        assertThat(DoraText.decimal(4.0, 2)).isEqualTo("4.00");
        assertThat(DoraText.decimal(7.05, 1)).isEqualTo("7.1");
        assertThat(DoraText.decimal(100.0, 3)).isEqualTo("100.000");
        assertThat(DoraText.decimal(0.0004, 3)).isEqualTo("0.000");
    }

    @Test
    void durationsReadLikeAClock() {
        assertThat(DoraText.human(Optional.of(Duration.ofSeconds(1350)))).isEqualTo("22m30s");
        assertThat(DoraText.human(Optional.of(Duration.ofMinutes(129)))).isEqualTo("2h09m");
        assertThat(DoraText.human(Optional.of(Duration.ofHours(35)))).isEqualTo("1d11h");
        assertThat(DoraText.human(Optional.empty())).isEqualTo("-");
    }
}
