package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.files.FolderFilter;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workspace as evidence: an index of its files (vendored folders and {@code .git} skipped, {@code .gitignore}
 * not applied) and cached text reads. Files under build-output folders ({@code target/}, {@code build/},
 * {@code dist/}) are indexed apart: only the pipeline's reports are looked for there ({@link #reportFiles}), so a
 * fixture copied to {@code target/test-classes} is not counted a second time as a source file; copied sources
 * inside build output ({@code classes}, {@code test-classes}, {@code resources}) are not searched for reports.
 */
public final class Workspace {
    /** Files larger than this are not read as evidence (still listed). */
    static final long MAX_EVIDENCE_BYTES = 4L * 1024 * 1024;

    private static final int MAX_FILES = 200_000;

    /**
     * Folders inside build output that hold copies of the sources (compiled classes, copied resources), not reports
     * of the run: not searched for reports either, or a fixture report would count twice.
     */
    private static final Set<String> COPIED_SOURCES =
            Set.of("classes", "test-classes", "resources", "generated-sources", "generated-test-sources", "tmp");

    private final Path root;
    private final List<String> files;
    private final List<String> withBuildOutput;
    private final List<String> names;
    private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> named = new ConcurrentHashMap<>();
    private final Map<String, List<String>> globbed = new ConcurrentHashMap<>();

    private Workspace(Path root, List<String> files, List<String> withBuildOutput) {
        this.root = root;
        this.files = List.copyOf(files);
        this.withBuildOutput = List.copyOf(withBuildOutput);
        this.names = this.files.stream()
                .map(file -> file.substring(file.lastIndexOf('/') + 1))
                .toList();
    }

    /** Indexes {@code root} skipping the named folders and build output. */
    public static Workspace index(Path root, Set<String> skipDirectories) {
        return index(root, new FolderFilter(skipDirectories, FolderFilter.BUILD_OUTPUT, false));
    }

    /** Indexes {@code root}; throws {@link ChecklistInputException} when it is not a readable directory. */
    public static Workspace index(Path root, FolderFilter folders) {
        if (!Files.isDirectory(root)) {
            throw new ChecklistInputException(root + ": workspace is not a directory; give the checked-out sources");
        }
        Path base = root.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        List<String> all = new ArrayList<>();
        // Build output is walked (reports live there) but kept out of the source index unless included.
        FolderFilter enter = new FolderFilter(folders.skipped(), folders.buildOutput(), true);
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                private int buildOutputDepth;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (dir.equals(base)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (enter.skips(name) || (buildOutputDepth > 0 && COPIED_SOURCES.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (buildOutputDepth > 0 || (!folders.includeBuildOutput() && folders.isBuildOutput(name))) {
                        buildOutputDepth++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    if (buildOutputDepth > 0) {
                        buildOutputDepth--;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        String path = relative(base, file);
                        all.add(path);
                        if (buildOutputDepth == 0) {
                            files.add(path);
                        }
                    }
                    return all.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ChecklistInputException(root + ": cannot list the workspace (" + e.getMessage() + ")");
        }
        files.sort(null);
        all.sort(null);
        return new Workspace(base, files, all);
    }

    private static String relative(Path base, Path file) {
        return base.relativize(file).toString().replace('\\', '/');
    }

    public Path root() {
        return root;
    }

    /** All indexed files, sorted, slash-separated and relative to the root. */
    public List<String> files() {
        return files;
    }

    /** Files matching a glob. */
    public List<String> files(Glob glob) {
        return globbed.computeIfAbsent(glob.toString(), text -> {
            List<String> matching = new ArrayList<>();
            for (String file : files) {
                if (glob.matches(file)) {
                    matching.add(file);
                }
            }
            return List.copyOf(matching);
        });
    }

    public List<String> files(String glob) {
        return files(Glob.of(glob));
    }

    /** Files matching a report glob, build-output folders included (where SARIF, JUnit and coverage land). */
    public List<String> reportFiles(Glob glob) {
        List<String> matching = new ArrayList<>();
        for (String file : withBuildOutput) {
            if (glob.matches(file)) {
                matching.add(file);
            }
        }
        return matching;
    }

    /** Files whose name (last segment) matches a regex, case-insensitively. */
    public List<String> filesNamed(String nameRegex) {
        // Items ask for the same kinds of files again and again (pipelines, YAML, Dockerfiles): answer once.
        return named.computeIfAbsent(nameRegex, regex -> {
            Pattern pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            List<String> matching = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                if (pattern.matcher(names.get(i)).matches()) {
                    matching.add(files.get(i));
                }
            }
            return List.copyOf(matching);
        });
    }

    /** The text of a file, empty when it is too large, binary or unreadable. */
    public Optional<String> text(String file) {
        return texts.computeIfAbsent(file, this::read);
    }

    private Optional<String> read(String file) {
        Path path = root.resolve(file);
        try {
            if (Files.size(path) > MAX_EVIDENCE_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
                if (bytes[i] == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A line of a file that matched a pattern. */
    public record LineMatch(String file, int line, String text) {}

    /** Lines of {@code file} where {@code pattern} finds a match. */
    public List<LineMatch> grep(String file, Pattern pattern) {
        return grep(file, pattern, false);
    }

    /**
     * Lines of {@code file} where {@code pattern} finds a match outside comments: a tool named in a comment is not
     * evidence that it is used ({@link Comments} knows the comment syntax of the usual file types).
     */
    public List<LineMatch> grepCode(String file, Pattern pattern) {
        return grep(file, pattern, true);
    }

    /** {@link #grepCode(String, Pattern)} over several files. */
    public List<LineMatch> grepCode(List<String> files, Pattern pattern) {
        List<LineMatch> matches = new ArrayList<>();
        for (String file : files) {
            matches.addAll(grepCode(file, pattern));
        }
        return matches;
    }

    private List<LineMatch> grep(String file, Pattern pattern, boolean skipComments) {
        List<LineMatch> matches = new ArrayList<>();
        text(file).ifPresent(original -> {
            String text = skipComments ? Comments.blank(file, original) : original;
            Matcher matcher = pattern.matcher(text);
            int line = 1;
            int counted = 0;
            while (matcher.find()) {
                for (; counted < matcher.start(); counted++) {
                    if (text.charAt(counted) == '\n') {
                        line++;
                    }
                }
                int start = text.lastIndexOf('\n', Math.max(0, matcher.start() - 1)) + 1;
                if (matcher.start() == 0) {
                    start = 0;
                }
                int end = text.indexOf('\n', matcher.start());
                String lineText = original.substring(start, end < 0 ? original.length() : end)
                        .strip();
                matches.add(new LineMatch(file, line, lineText.length() > 160 ? lineText.substring(0, 160) : lineText));
            }
        });
        return matches;
    }

    /** Lines matching {@code pattern} in any of the files. */
    public List<LineMatch> grep(List<String> files, Pattern pattern) {
        List<LineMatch> matches = new ArrayList<>();
        for (String file : files) {
            matches.addAll(grep(file, pattern));
        }
        return matches;
    }
}
