package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.Category;
import io.jenkins.plugins.devops.core.checklist.Severity;
import io.jenkins.plugins.devops.core.checklist.evidence.EvidenceContext;
import java.util.function.Function;

/**
 * One checklist item: what it is, how risky, how to fix it, and the check that decides it from evidence.
 *
 * @param id stable id ({@code cicd.automated-builds})
 * @param title human title
 * @param category its checklist
 * @param severity default severity
 * @param remediation one sentence telling what to do when it is not PASS
 * @param check the evidence check
 */
public record ChecklistItem(
        String id,
        String title,
        Category category,
        Severity severity,
        String remediation,
        Function<EvidenceContext, ItemOutcome> check) {}
