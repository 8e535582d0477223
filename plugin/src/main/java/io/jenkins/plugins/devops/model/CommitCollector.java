package io.jenkins.plugins.devops.model;

import hudson.model.Run;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.devops.core.deploy.Commit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.scm.RunWithSCM;

/** The commits a build ships, from its SCM change sets, for lead time for changes. */
public final class CommitCollector {
    private CommitCollector() {}

    /** Commits with an id and a known time; empty for builds without SCM changes. */
    public static List<Commit> of(Run<?, ?> run) {
        List<Commit> commits = new ArrayList<>();
        if (!(run instanceof RunWithSCM<?, ?> withScm)) {
            return commits;
        }
        for (ChangeLogSet<? extends ChangeLogSet.Entry> set : withScm.getChangeSets()) {
            for (ChangeLogSet.Entry entry : set) {
                String id = entry.getCommitId();
                long time = entry.getTimestamp();
                // SCMs that do not know the time report -1; such a commit cannot give a lead time.
                if (id != null && time > 0) {
                    commits.add(new Commit(id, Instant.ofEpochMilli(time)));
                }
            }
        }
        return commits;
    }
}
