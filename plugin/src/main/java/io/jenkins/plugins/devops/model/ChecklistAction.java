package io.jenkins.plugins.devops.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Api;
import hudson.model.Run;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * The checklist report of a build: a summary row with the score and verdict, a page with every checklist's items,
 * status, evidence and remediation, and an entry in the build's {@code api/json}. build.xml keeps the summary; the
 * full report (core's JSON) is its own file in the build directory.
 */
@ExportedBean(defaultVisibility = 2)
public class ChecklistAction implements RunAction2 {
    private static final Logger LOGGER = Logger.getLogger(ChecklistAction.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int index;
    private final double score;
    private final String verdict;
    private final ArrayList<String> reasons;
    private final LinkedHashMap<String, Double> checklistScores;
    private final ArrayList<String> failedItems;

    private transient Run<?, ?> owner;
    private transient SoftReference<Map<String, Object>> cache;

    /** Writes the report next to the build and keeps the summary; call before {@code run.addAction}. */
    public static ChecklistAction create(Run<?, ?> run, String reportJson) throws IOException {
        int index = run.getActions(ChecklistAction.class).size() + 1;
        Path file = file(run, index);
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, reportJson, StandardCharsets.UTF_8);
        return new ChecklistAction(index, parse(reportJson));
    }

    ChecklistAction(int index, Map<String, Object> report) {
        this.index = index;
        this.score = number(report.get("score"));
        this.verdict = String.valueOf(report.get("verdict"));
        this.reasons = new ArrayList<>();
        if (report.get("reasons") instanceof List<?> list) {
            list.forEach(r -> reasons.add(String.valueOf(r)));
        }
        this.checklistScores = new LinkedHashMap<>();
        this.failedItems = new ArrayList<>();
        for (Map<String, Object> checklist : maps(report.get("checklists"))) {
            checklistScores.put(String.valueOf(checklist.get("category")), number(checklist.get("score")));
            for (Map<String, Object> item : maps(checklist.get("items"))) {
                if ("FAIL".equals(item.get("status"))) {
                    failedItems.add(String.valueOf(item.get("id")));
                }
            }
        }
        this.cache = new SoftReference<>(report);
    }

    static Map<String, Object> parse(String json) throws IOException {
        return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object value) {
        List<Map<String, Object>> maps = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object each : list) {
                if (each instanceof Map<?, ?> map) {
                    maps.add((Map<String, Object>) map);
                }
            }
        }
        return maps;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private static Path file(Run<?, ?> run, int index) {
        return run.getRootDir().toPath().resolve(DeploymentAction.FOLDER).resolve("checklist-" + index + ".json");
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        owner = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        owner = r;
    }

    public Run<?, ?> getOwner() {
        return owner;
    }

    @Override
    public String getIconFileName() {
        return "symbol-shield-warning";
    }

    @Override
    public String getDisplayName() {
        return index == 1 ? "DevOps checklists" : "DevOps checklists (" + index + ")";
    }

    @Override
    public String getUrlName() {
        return "devops-checklist-" + index;
    }

    public Api getApi() {
        return new Api(this);
    }

    /** The whole report as maps and lists (core's JSON format), read from the build directory when needed. */
    @CheckForNull
    public Map<String, Object> getReport() {
        Map<String, Object> report = cache == null ? null : cache.get();
        if (report == null && owner != null) {
            try {
                report = parse(Files.readString(file(owner, index), StandardCharsets.UTF_8));
                cache = new SoftReference<>(report);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Cannot read checklist report " + index + " of " + owner, e);
            }
        }
        return report;
    }

    /** The checklists of the report, each with its items. */
    public List<Map<String, Object>> getChecklists() {
        Map<String, Object> report = getReport();
        return report == null ? List.of() : maps(report.get("checklists"));
    }

    @Exported
    public double getScore() {
        return score;
    }

    @Exported
    public String getVerdict() {
        return verdict;
    }

    @Exported
    public List<String> getReasons() {
        return List.copyOf(reasons);
    }

    /** Score per checklist (CICD, INFRASTRUCTURE, MONITORING, SECURITY), -1 when nothing could be scored. */
    @Exported
    public Map<String, Double> getChecklistScores() {
        return new LinkedHashMap<>(checklistScores);
    }

    @Exported
    public List<String> getFailedItems() {
        return List.copyOf(failedItems);
    }

    /** What the step returns to the Pipeline. */
    public LinkedHashMap<String, Object> toMap() {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("score", score);
        map.put("verdict", verdict);
        map.put("reasons", new ArrayList<>(reasons));
        map.put("checklists", new LinkedHashMap<>(checklistScores));
        map.put("failedItems", new ArrayList<>(failedItems));
        return map;
    }
}
