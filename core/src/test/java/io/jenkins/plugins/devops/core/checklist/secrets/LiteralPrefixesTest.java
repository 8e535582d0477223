package io.jenkins.plugins.devops.core.checklist.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiteralPrefixesTest {

    @Test
    void derivesPrefixesOfTheBenchRules() {
        assertThat(LiteralPrefixes.of("AKIA[0-9A-Z]{16}")).containsExactly("akia");
        assertThat(LiteralPrefixes.of("gh[pousr]_[A-Za-z0-9]{36}"))
                .containsExactly("ghp_", "gho_", "ghu_", "ghs_", "ghr_");
        assertThat(LiteralPrefixes.of("-----BEGIN (RSA|EC|DSA|OPENSSH|PGP) PRIVATE KEY-----"))
                .contains("-----begin rsa private key-----", "-----begin pgp private key-----")
                .hasSize(5);
        assertThat(
                        LiteralPrefixes.of(
                                "(?i)(api[_-]?key|secret|token|passwd|password)[\"']?\\s*[:=]\\s*[\"'][A-Za-z0-9/+_=-]{16,}[\"']"))
                .containsExactly("api", "secret", "token", "passwd", "password");
        assertThat(LiteralPrefixes.of("\\bnpm_[A-Za-z0-9]{36}\\b")).containsExactly("npm_");
    }

    @Test
    void givesNoPrefixWhenAMatchCanStartAnywhere() {
        assertThat(LiteralPrefixes.of("[0-9a-f]{40}")).isEmpty();
        assertThat(LiteralPrefixes.of("\\w+@example")).isEmpty();
        assertThat(LiteralPrefixes.of("(ab)?cdef")).isEmpty();
        assertThat(LiteralPrefixes.of("ab")).isEmpty(); // too short to filter anything
        assertThat(LiteralPrefixes.of("(?<=x)token")).isEmpty();
    }

    @Test
    void matcherReportsEveryOccurrenceCaseInsensitively() {
        LiteralMatcher matcher = new LiteralMatcher(List.of(List.of("akia"), List.of("token", "ken"), List.of()));
        byte[] text = "x AKIA y Token akia".getBytes(StandardCharsets.US_ASCII);
        List<String> hits = new ArrayList<>();

        matcher.scan(text, text.length, (end, pairs) -> {
            for (int i = 0; i < pairs.length; i += 2) {
                hits.add(
                        pairs[i] + ":" + new String(text, end - pairs[i + 1], pairs[i + 1], StandardCharsets.US_ASCII));
            }
        });

        assertThat(hits).containsExactly("0:AKIA", "1:Token", "1:ken", "0:akia");
    }
}
