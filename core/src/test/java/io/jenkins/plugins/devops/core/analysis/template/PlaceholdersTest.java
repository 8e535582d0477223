package io.jenkins.plugins.devops.core.analysis.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devops.core.analysis.testing.Contexts;
import io.jenkins.plugins.devops.core.gate.Track;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    @Test
    void fillsContextTrackAndTargetPlaceholders() {
        String query = "rate(x{svc=\"{{service}}\",ns=\"{{ namespace }}\",env=\"{{environment}}\",rev=\"{{revision}}\","
                + "track=\"{{track}}\",pod=~\"{{targets.canaryDeployment}}-.*\"}[1m])";

        String stable = Placeholders.render(query, Placeholders.of(Contexts.step("cart", "shop"), Track.STABLE));

        assertThat(stable)
                .isEqualTo("rate(x{svc=\"cart\",ns=\"shop\",env=\"staging\",rev=\"v2\",track=\"stable\","
                        + "pod=~\"cart-canary-.*\"}[1m])");
    }

    @Test
    void podRegexMatchesTheTrackDeploymentsPodsOnly() {
        var context = Contexts.step("cart", "shop");
        Pattern canary = Pattern.compile(Placeholders.of(context, Track.CANARY).get("podRegex"));
        Pattern stable = Pattern.compile(Placeholders.of(context, Track.STABLE).get("podRegex"));

        // PromQL regular expressions are fully anchored, as matches() is.
        assertThat(canary.matcher("cart-canary-7d9f8b6c4-x2x9k").matches()).isTrue();
        assertThat(canary.matcher("cart-5c8d7f9b7-abcde").matches()).isFalse();
        assertThat(stable.matcher("cart-5c8d7f9b7-abcde").matches()).isTrue();
        assertThat(stable.matcher("cart-canary-7d9f8b6c4-x2x9k").matches()).isFalse();
    }

    @Test
    void unknownTargetsStayVisibleAndUnknownNamesAreReported() {
        String text = "{{targets.previewService}}/{{weight}}";

        assertThat(Placeholders.render(text, Placeholders.of(Contexts.step("cart", "shop"), Track.CANARY)))
                .isEqualTo("{{targets.previewService}}/20");
        assertThat(Placeholders.firstUnknown(text)).isNull();
        assertThat(Placeholders.firstUnknown("{{service}} {{servce}}")).isEqualTo("servce");
    }
}
