package io.jenkins.plugins.devops.core.checklist.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlobAndIgnoreRulesTest {

    @Test
    void doubleStarMatchesAnyNumberOfDirectoriesIncludingNone() {
        Glob glob = Glob.of("**/*.tf");

        assertThat(glob.matches("main.tf")).isTrue();
        assertThat(glob.matches("infra/prod/main.tf")).isTrue();
        assertThat(glob.matches("main.tf.bak")).isFalse();
        assertThat(Glob.of("deploy/*.yaml").matches("deploy/a/b.yaml")).isFalse();
        assertThat(Glob.of("{CODEOWNERS,.github/CODEOWNERS}").matches(".github/CODEOWNERS"))
                .isTrue();
        assertThat(Glob.of("reports/[a-c]?.sarif").matches("reports/b1.sarif")).isTrue();
        assertThat(Glob.of("a+b(1).txt").matches("a+b(1).txt")).isTrue();
    }

    @Test
    void malformedGlobsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> Glob.of("src/{a,b")).hasMessageContaining("'{' without a closing '}'");
        assertThatThrownBy(() -> Glob.of("src/[ab")).hasMessageContaining("'[' without a closing ']'");
        assertThatThrownBy(() -> Glob.of(" ")).hasMessageContaining("empty glob");
    }

    @Test
    void gitignoreSemanticsLastMatchWinsAnchoringAndDirectoryOnly() {
        IgnoreRules rules = IgnoreRules.NONE.withLines(
                List.of("# build output", "*.log", "!keep.log", "/dist", "build/", "docs/**/*.tmp", "\\#notes"), "");

        assertThat(rules.isIgnored("app/server.log", false)).isTrue();
        assertThat(rules.isIgnored("app/keep.log", false)).isFalse();
        assertThat(rules.isIgnored("dist", true)).isTrue();
        assertThat(rules.isIgnored("app/dist", true)).isFalse(); // anchored to the .gitignore directory
        assertThat(rules.isIgnored("app/build", true)).isTrue();
        assertThat(rules.isIgnored("app/build", false)).isFalse(); // directory-only pattern, file named build
        assertThat(rules.isIgnored("docs/a/b/c.tmp", false)).isTrue();
        assertThat(rules.isIgnored("#notes", false)).isTrue();
    }

    @Test
    void nestedRulesApplyOnlyBelowTheirDirectory() {
        IgnoreRules rules =
                IgnoreRules.NONE.withLines(List.of("*.gen"), "").withLines(List.of("!api.gen", "local"), "svc");

        assertThat(rules.isIgnored("svc/api.gen", false)).isFalse();
        assertThat(rules.isIgnored("other/api.gen", false)).isTrue();
        assertThat(rules.isIgnored("svc/x/local", true)).isTrue();
        assertThat(rules.isIgnored("local", true)).isFalse();
    }
}
