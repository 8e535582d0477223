package io.jenkins.plugins.devops.core.checklist.secrets;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.files.FolderFilter;
import io.jenkins.plugins.devops.core.checklist.files.IgnoreRules;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Scans a directory tree for secrets with all processors: directories are walked as fork/join tasks (so both cores
 * walk and read), each file is read once into a reused buffer, binaries are skipped by extension or a NUL byte in
 * the first 8 KB, and a byte-level literal prefilter ({@link LiteralMatcher}) decides which lines a rule's regex
 * must look at. Findings are masked at the source: the secret text never leaves this class.
 *
 * <p>Example: {@code new SecretScanner(SecretScanOptions.defaults()).scan(workspace, msg -> {})}.
 */
public final class SecretScanner {
    private static final int BINARY_PROBE_BYTES = 8000;
    private static final int FILES_PER_TASK = 8;
    private static final Set<String> BINARY_EXTENSIONS = Set.of(
            "jar", "war", "ear", "class", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "png", "jpg", "jpeg", "gif",
            "bmp", "ico", "webp", "pdf", "so", "dll", "dylib", "exe", "bin", "o", "a", "woff", "woff2", "ttf", "otf",
            "eot", "mp3", "mp4", "mov", "avi", "wasm", "pyc", "iso", "dmg", "jmod");

    private final SecretScanOptions options;
    private final LiteralMatcher literals;
    private final boolean[] prefiltered;
    private final FolderFilter folders;

    public SecretScanner(SecretScanOptions options) {
        this.options = options;
        this.folders = options.folders();
        List<List<String>> perRule = new ArrayList<>();
        prefiltered = new boolean[options.rules().size()];
        for (int i = 0; i < options.rules().size(); i++) {
            List<String> prefixes = options.rules().get(i).prefilterLiterals().stream()
                    .map(literal -> literal.toLowerCase(Locale.ROOT))
                    .toList();
            perRule.add(prefixes);
            prefiltered[i] = !prefixes.isEmpty();
        }
        this.literals = new LiteralMatcher(perRule);
    }

    /**
     * Scans {@code root}.
     *
     * @param progress receives a few human-readable progress lines (called from scanning threads, one at a time)
     * @throws ChecklistInputException when the root is not a readable directory
     */
    public SecretScanResult scan(Path root, Consumer<String> progress) {
        if (!Files.isDirectory(root)) {
            throw new ChecklistInputException(root + ": not a directory; give the workspace to scan");
        }
        Scan scan = new Scan(root.toAbsolutePath().normalize(), progress);
        int threads =
                options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            IgnoreRules rules = options.honourGitignore() ? IgnoreRules.NONE.with(scan.root, "") : IgnoreRules.NONE;
            pool.invoke(new DirectoryTask(scan, scan.root, "", rules));
        } finally {
            pool.shutdown();
        }
        List<SecretFinding> findings = onePerSecret(new ArrayList<>(scan.findings));
        SecretScanResult result = new SecretScanResult(
                findings,
                options.rules().size(),
                scan.files.sum(),
                scan.bytes.sum(),
                scan.binaries.sum(),
                scan.ignored.sum(),
                scan.large.sum());
        progress.accept("secret scan: " + result.filesScanned() + " files, " + result.bytesScanned() / (1024 * 1024)
                + " MB, " + findings.size() + " findings");
        return result;
    }

    /**
     * Sorts the findings and keeps one per secret: when several rules report the same text at the same place (a
     * GitHub token assigned to {@code token=}, a key in a curl command) the rule listed first, the more specific
     * one, names it.
     */
    private List<SecretFinding> onePerSecret(List<SecretFinding> findings) {
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < options.rules().size(); i++) {
            order.putIfAbsent(options.rules().get(i).id(), i);
        }
        findings.sort(Comparator.comparing(SecretFinding::path)
                .thenComparingInt(SecretFinding::line)
                .thenComparingInt(SecretFinding::column)
                .thenComparing(f -> order.getOrDefault(f.ruleId(), Integer.MAX_VALUE)));
        List<SecretFinding> kept = new ArrayList<>();
        for (SecretFinding finding : findings) {
            SecretFinding last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            boolean same = last != null
                    && last.path().equals(finding.path())
                    && last.line() == finding.line()
                    && last.column() == finding.column()
                    && last.masked().equals(finding.masked());
            if (!same) {
                kept.add(finding);
            }
        }
        return kept;
    }

    /** Shared state of one scan. */
    private static final class Scan {
        final Path root;
        final Consumer<String> progress;
        final ConcurrentLinkedQueue<SecretFinding> findings = new ConcurrentLinkedQueue<>();
        final LongAdder files = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final LongAdder binaries = new LongAdder();
        final LongAdder ignored = new LongAdder();
        final LongAdder large = new LongAdder();

        Scan(Path root, Consumer<String> progress) {
            this.root = root;
            this.progress = progress;
        }

        synchronized void report(String message) {
            progress.accept(message);
        }
    }

    private final class DirectoryTask extends RecursiveAction {
        private final transient Scan scan;
        private final transient Path directory;
        private final String relative;
        private final transient IgnoreRules ignoreRules;

        DirectoryTask(Scan scan, Path directory, String relative, IgnoreRules ignoreRules) {
            this.scan = scan;
            this.directory = directory;
            this.relative = relative;
            this.ignoreRules = ignoreRules;
        }

        @Override
        protected void compute() {
            List<RecursiveAction> subtasks = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    String path = relative.isEmpty() ? name : relative + "/" + name;
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        continue;
                    }
                    if (attributes.isDirectory()) {
                        if (folders.skips(name) || ignoreRules.isIgnored(path, true)) {
                            scan.ignored.increment();
                            continue;
                        }
                        IgnoreRules childRules =
                                options.honourGitignore() ? ignoreRules.with(entry, path) : ignoreRules;
                        subtasks.add(new DirectoryTask(scan, entry, path, childRules));
                    } else if (attributes.isRegularFile()) {
                        if (ignoreRules.isIgnored(path, false)
                                || options.allowlist().allowsPath(path)) {
                            scan.ignored.increment();
                        } else if (isBinaryName(name)) {
                            scan.binaries.increment();
                        } else if (attributes.size() > options.maxFileBytes()) {
                            scan.large.increment();
                        } else {
                            files.add(entry);
                            names.add(path);
                            sizes.add(attributes.size());
                            if (files.size() == FILES_PER_TASK) {
                                subtasks.add(new FileBatchTask(scan, files, names, sizes));
                                files = new ArrayList<>();
                                names = new ArrayList<>();
                                sizes = new ArrayList<>();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                scan.report("secret scan: cannot list " + relative + " (" + e.getMessage() + "), skipped");
                return;
            }
            if (!files.isEmpty()) {
                subtasks.add(new FileBatchTask(scan, files, names, sizes));
            }
            invokeAll(subtasks);
        }
    }

    private static boolean isBinaryName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && BINARY_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static final ThreadLocal<byte[][]> BUFFER = ThreadLocal.withInitial(() -> new byte[][] {new byte[1 << 16]});

    private final class FileBatchTask extends RecursiveAction {
        private final transient Scan scan;
        private final transient List<Path> files;
        private final List<String> paths;
        private final transient List<Long> sizes;

        FileBatchTask(Scan scan, List<Path> files, List<String> paths, List<Long> sizes) {
            this.scan = scan;
            this.files = files;
            this.paths = paths;
            this.sizes = sizes;
        }

        @Override
        protected void compute() {
            for (int i = 0; i < files.size(); i++) {
                scanFile(scan, files.get(i), paths.get(i), sizes.get(i));
            }
        }
    }

    private void scanFile(Scan scan, Path file, String path, long size) {
        byte[][] holder = BUFFER.get();
        int length = 0;
        // FileInputStream is the lightest read path (no channel set-up per file); the size came from the walk's stat.
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            if (holder[0].length < size + 1) {
                holder[0] = new byte[(int) Math.max(size + 1, holder[0].length * 2L)];
            }
            byte[] buffer = holder[0];
            int read;
            // Read exactly the size the walk saw: no extra read() to meet end-of-file. A file that grows meanwhile
            // is scanned up to that size; one that shrank ends the loop early.
            while (length < size && (read = in.read(buffer, length, (int) size - length)) > 0) {
                length += read;
            }
            if (length > options.maxFileBytes()) {
                scan.large.increment();
                return;
            }
        } catch (IOException e) {
            scan.report("secret scan: cannot read " + path + " (" + e.getMessage() + "), skipped");
            return;
        }
        byte[] bytes = holder[0];
        int probe = Math.min(length, BINARY_PROBE_BYTES);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                scan.binaries.increment();
                return;
            }
        }
        scan.files.increment();
        scan.bytes.add(length);
        FileMatches hits =
                new FileMatches(options.rules(), options.allowlist(), path, bytes, length, scan.findings::add);
        literals.scan(bytes, length, hits);
        for (int rule = 0; rule < prefiltered.length; rule++) {
            if (!prefiltered[rule]) {
                hits.matchWholeFile(rule);
            }
        }
    }
}
