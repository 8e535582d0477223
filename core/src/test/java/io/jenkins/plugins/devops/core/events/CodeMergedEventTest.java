package io.jenkins.plugins.devops.core.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeMergedEventTest {

    @Test
    void parsesTheSeedsCodeMergedEvent() {
        CodeMergedEvent event = CodeMergedEvent.parse(
                "{\"event\":\"code.merged\",\"branch\":\"main\",\"commit\":\"9fceb02\",\"requires_deployment\":true}");
        assertThat(event).isEqualTo(new CodeMergedEvent("main", "9fceb02", true));
    }

    @Test
    void eachWrongFieldIsNamedInTheMessage() {
        assertThatThrownBy(() -> CodeMergedEvent.parse("{\"event\":\"code.pushed\",\"branch\":\"main\","
                        + "\"commit\":\"9fceb02\",\"requires_deployment\":true}"))
                .hasMessage("code.merged: 'event' must be \"code.merged\", got \"code.pushed\"");
        assertThatThrownBy(() -> CodeMergedEvent.parse(
                        "{\"event\":\"code.merged\",\"commit\":\"9fceb02\",\"requires_deployment\":true}"))
                .hasMessage("code.merged: 'branch' is missing or empty");
        assertThatThrownBy(() -> CodeMergedEvent.parse("{\"event\":\"code.merged\",\"branch\":\"main\","
                        + "\"commit\":\"not-a-sha\",\"requires_deployment\":true}"))
                .hasMessageContaining("'commit' must be a commit SHA of 7 to 64 hex digits, got 'not-a-sha'");
        assertThatThrownBy(() -> CodeMergedEvent.parse("{\"event\":\"code.merged\",\"branch\":\"main\","
                        + "\"commit\":\"9fceb02\",\"requires_deployment\":\"yes\"}"))
                .hasMessage("code.merged: 'requires_deployment' must be true or false, got \"yes\"");
        assertThatThrownBy(() -> CodeMergedEvent.parse("{not json"))
                .hasMessageStartingWith("code.merged: the body is not valid JSON");
    }
}
