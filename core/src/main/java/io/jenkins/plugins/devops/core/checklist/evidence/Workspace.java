package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
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
 * not applied so that build reports under {@code target/} are found) and cached text reads.
 */
public final class Workspace {
    /** Files larger than this are not read as evidence (still listed). */
    static final long MAX_EVIDENCE_BYTES = 4L * 1024 * 1024;

    private static final int MAX_FILES = 200_000;

    private final Path root;
    private final List<String> files;
    private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();

    private Workspace(Path root, List<String> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    /** Indexes {@code root}; throws {@link ChecklistInputException} when it is not a readable directory. */
    public static Workspace index(Path root, Set<String> skipDirectories) {
        if (!Files.isDirectory(root)) {
            throw new ChecklistInputException(root + ": workspace is not a directory; give the checked-out sources");
        }
        Path base = root.toAbsolutePath().normalize();
        List<String> files = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(base) && (name.equals(".git") || skipDirectories.contains(name))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(relative(base, file));
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
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
        return new Workspace(base, files);
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
        List<String> matching = new ArrayList<>();
        for (String file : files) {
            if (glob.matches(file)) {
                matching.add(file);
            }
        }
        return matching;
    }

    public List<String> files(String glob) {
        return files(Glob.of(glob));
    }

    /** Files whose name (last segment) matches a regex, case-insensitively. */
    public List<String> filesNamed(String nameRegex) {
        Pattern pattern = Pattern.compile(nameRegex, Pattern.CASE_INSENSITIVE);
        List<String> matching = new ArrayList<>();
        for (String file : files) {
            if (pattern.matcher(file.substring(file.lastIndexOf('/') + 1)).matches()) {
                matching.add(file);
            }
        }
        return matching;
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
        List<LineMatch> matches = new ArrayList<>();
        text(file).ifPresent(text -> {
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
                String lineText =
                        text.substring(start, end < 0 ? text.length() : end).strip();
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
