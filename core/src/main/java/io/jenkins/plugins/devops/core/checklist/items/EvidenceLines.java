package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import java.util.List;

/** Turns matched lines and files into evidence entries. */
final class EvidenceLines {
    private EvidenceLines() {}

    static List<Evidence> of(List<Workspace.LineMatch> matches) {
        return matches.stream()
                .map(match -> Evidence.at(match.file(), match.line(), match.text()))
                .toList();
    }

    static List<Evidence> files(List<String> files, String detail) {
        return files.stream().map(file -> Evidence.at(file, 0, detail)).toList();
    }

    static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream())
                .map(x -> (T) x)
                .toList();
    }
}
