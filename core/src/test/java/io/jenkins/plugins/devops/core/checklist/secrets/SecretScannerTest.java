package io.jenkins.plugins.devops.core.checklist.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import io.jenkins.plugins.devops.core.checklist.files.Glob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants secrets in a temporary workspace (built from pieces here, so this source file holds no secret) and checks
 * what the scan reports, skips and masks.
 */
class SecretScannerTest {
    static final String AWS_KEY = "AKIA" + "Z7Q2M4N6P8R3T5V9";
    static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
    static final String PASSWORD = "s3cr3tP4ssw0rdV4lue99";
    static final String PRIVATE_KEY_HEADER = "-----BEGIN " + "RSA PRIVATE KEY-----";

    @TempDir
    Path workspace;

    @BeforeEach
    void plantSecrets() throws IOException {
        write("src/config/aws.properties", "# credentials\nregion=eu-west-1\naws.key=" + AWS_KEY + "\n");
        write("scripts/release.sh", "#!/bin/sh\n\ncurl -H 'Authorization: token " + GITHUB_TOKEN + "' api\n");
        write("app/settings.py", "DEBUG = False\npassword = \"" + PASSWORD + "\"\n");
        write(
                "keys/deploy.pem",
                PRIVATE_KEY_HEADER + "\nMIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi6Z1jv4Hn0pQ7LwTq8Uc2Xy5Rk\n"
                        + "9fQyuvBjM9Oi6Z1jv4Hn0pQ7LwTq8Uc2Xy5RkMIIEowIBAAKCAQEA3Tz2mr7SZiAM\n"
                        + "-----END RSA PRIVATE KEY-----\n");
        write("README.md", "No secrets here, only the word token and password in prose.\n");
    }

    private void write(String path, String content) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private SecretScanResult scan(SecretScanOptions options) {
        List<String> progress = new ArrayList<>();
        SecretScanResult result = new SecretScanner(options).scan(workspace, progress::add);
        assertThat(progress).last().asString().startsWith("secret scan: ");
        return result;
    }

    @Test
    void findsPlantedSecretsWithFileAndLine() {
        SecretScanResult result = scan(SecretScanOptions.defaults());

        assertThat(result.findings())
                .extracting(f -> f.ruleId() + "@" + f.location())
                .containsExactly(
                        "generic-secret@app/settings.py:2",
                        "private-key@keys/deploy.pem:1",
                        "github-token@scripts/release.sh:3",
                        "aws-access-key-id@src/config/aws.properties:3");
        assertThat(result.findings().get(3).column()).isEqualTo("aws.key=".length() + 1);
        assertThat(result.filesScanned()).isEqualTo(5);
    }

    @Test
    void findingsAreMaskedAndNeverHoldTheSecret() {
        SecretScanResult result = scan(SecretScanOptions.defaults());

        String everything = result.toString();
        assertThat(everything)
                .doesNotContain(AWS_KEY)
                .doesNotContain(GITHUB_TOKEN)
                .doesNotContain(PASSWORD)
                .doesNotContain(AWS_KEY.substring(4));
        assertThat(result.findings())
                .filteredOn(f -> f.ruleId().equals("aws-access-key-id"))
                .singleElement()
                .satisfies(f -> assertThat(f.masked()).isEqualTo("AKIA**** (20 chars)"));
    }

    @Test
    void gitignoredFilesAreSkippedAndNegationsReincluded() throws IOException {
        write(".gitignore", "*.properties\nkeys/\n!app/\n");
        write("app/.gitignore", "settings.py\n!important.py\n");
        write("app/important.py", "token = \"" + PASSWORD + "\"\n");

        SecretScanResult result = scan(SecretScanOptions.defaults());

        assertThat(result.findings())
                .extracting(SecretFinding::location)
                .containsExactly("app/important.py:1", "scripts/release.sh:3");
        assertThat(result.ignoredPaths()).isEqualTo(3);
    }

    @Test
    void gitAndVendoredFoldersBinariesAndLargeFilesAreSkipped() throws IOException {
        write(".git/config", "aws.key=" + AWS_KEY + "\n");
        write("node_modules/lib/index.js", "const key = '" + AWS_KEY + "';\n");
        write("vendor/lib.go", "const key = \"" + AWS_KEY + "\"\n");
        byte[] binary = ("\0\0binary" + AWS_KEY).getBytes(StandardCharsets.UTF_8);
        Files.write(workspace.resolve("blob.dat"), binary);
        Files.write(workspace.resolve("app.jar"), AWS_KEY.getBytes(StandardCharsets.UTF_8));
        write("big/dump.sql", "x".repeat(2048) + "\n" + AWS_KEY + "\n");
        SecretScanOptions small = new SecretScanOptions(
                SecretRules.builtIn(),
                SecretAllowlist.NONE,
                SecretScanOptions.DEFAULT_SKIPPED_DIRECTORIES,
                1024,
                true,
                2);

        SecretScanResult result = scan(small);

        assertThat(result.findings())
                .extracting(SecretFinding::path)
                .doesNotContain(".git/config", "node_modules/lib/index.js", "vendor/lib.go", "blob.dat", "app.jar")
                .doesNotContain("big/dump.sql");
        assertThat(result.binaryFilesSkipped()).isEqualTo(2);
        assertThat(result.largeFilesSkipped()).isEqualTo(1);
    }

    @Test
    void allowlistByPathRegexAndInlineMarker() throws IOException {
        write("docs/example.md", "Example: " + "AKIA" + "IOSFODNN7EXAMPLE" + "\n");
        write("scripts/other.sh", "export T=" + GITHUB_TOKEN + " # devops:allow (revoked test token)\n");
        SecretAllowlist allowlist = new SecretAllowlist(
                List.of(Glob.of("keys/**"), Glob.of("app/*.py")), List.of(Pattern.compile("EXAMPLE$")));

        SecretScanResult result = scan(SecretScanOptions.defaults().withAllowlist(allowlist));

        assertThat(result.findings())
                .extracting(f -> f.ruleId() + "@" + f.location())
                .containsExactly("github-token@scripts/release.sh:3", "aws-access-key-id@src/config/aws.properties:3");
    }

    @Test
    void benchRuleFileFindsTheSameSecretsLineByLine() throws IOException {
        List<SecretRule> ruleSet = SecretRules.fromFile(benchRules());

        SecretScanResult result = scan(SecretScanOptions.defaults().withRules(ruleSet));

        assertThat(result.rules()).isEqualTo(10);
        assertThat(result.findings())
                .extracting(SecretFinding::location)
                .containsExactly(
                        "app/settings.py:2",
                        "keys/deploy.pem:1",
                        "scripts/release.sh:3",
                        "src/config/aws.properties:3");
    }

    /**
     * The benchmark's rule file, exactly as the project's shared reference folder has it ({@code shared/bench}
     * beside the repository): the scan must run with precisely that rule set, so it is read, never copied here.
     */
    private static Path benchRules() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("bench").resolve("secret-rules.txt");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/bench/secret-rules.txt was not found beside the repository (the"
                + " project's shared reference folder, next to the checkout)");
    }

    @Test
    void ruleWithoutLiteralPrefixStillMatchesEveryLine() throws IOException {
        write("notes/hash.txt", "first line\nsha = 0123456789abcdef0123456789abcdef01234567\n");
        SecretRule hexOnly = SecretRule.of("hex40", "40 hex digits", "\\b[0-9a-f]{40}\\b");

        SecretScanResult result = scan(SecretScanOptions.defaults().withRules(List.of(hexOnly)));

        assertThat(result.findings()).extracting(SecretFinding::location).containsExactly("notes/hash.txt:2");
    }

    @Test
    void manyFilesAcrossDirectoriesAreAllScannedInParallel() throws IOException {
        for (int dir = 0; dir < 20; dir++) {
            for (int file = 0; file < 30; file++) {
                write(
                        "tree/d" + dir + "/f" + file + ".txt",
                        "line\n".repeat(file) + (file == 7 ? "k=" + AWS_KEY : "") + "\n");
            }
        }

        SecretScanResult result = scan(SecretScanOptions.defaults());

        assertThat(result.findings())
                .filteredOn(f -> f.path().startsWith("tree/"))
                .hasSize(20)
                .allSatisfy(f -> assertThat(f.line()).isEqualTo(8));
        assertThat(result.filesScanned()).isEqualTo(5 + 600);
    }

    @Test
    void aValueUnderAKubernetesSecretsDataIsReportedOnItsOwnLineAndColumn() throws IOException {
        write(
                "k8s/db-secret.yaml",
                """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: db
                data:
                  # the application's user
                  password:   "cG9zdGdyZXMtcHJvZC1wYXNzd29yZC0yMDI2LXEx"
                """);

        SecretScanResult result = scan(SecretScanOptions.defaults());

        // The match starts at `data:` (line 5); the finding points at the value, where an editor or SARIF viewer
        // should take the reader.
        assertThat(result.findings())
                .filteredOn(f -> f.path().equals("k8s/db-secret.yaml"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("kubernetes-secret-data");
                    assertThat(f.line()).isEqualTo(7);
                    assertThat(f.column()).isEqualTo("  password:   \"".length() + 1);
                });
    }

    @Test
    void longMinifiedLinesWithManyHitsKeepColumns() throws IOException {
        StringBuilder line = new StringBuilder("é");
        for (int i = 0; i < 50_000; i++) {
            line.append("var token=x;secret(1);");
        }
        int column = line.length() + "k='".length() + 1;
        line.append("k='").append(AWS_KEY).append("';");
        write("web/app.min.js", "/* bundle */\n" + line + "\n");

        // 100,000 literal hits on one 1.1 MB line. How fast the scan is belongs to the benchmark (docs/benchmarks.md,
        // "Checklist secret scan"), not to a wall-clock limit that a busy machine can break.
        SecretScanResult result = scan(SecretScanOptions.defaults());

        assertThat(result.findings())
                .filteredOn(f -> f.path().equals("web/app.min.js"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(2);
                    assertThat(f.column()).isEqualTo(column);
                });
    }

    @Test
    void invalidRuleFileNamesFileAndLine() throws IOException {
        Path rules = workspace.resolve("rules.txt");
        Files.write(rules, List.of("AKIA[0-9A-Z]{16}", "", "ghp_[A-Za-z0-9{36}"));

        assertThatThrownBy(() -> SecretRules.fromFile(rules))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageStartingWith(rules + " line 3: invalid regular expression");
    }

    @Test
    void scanningAFileInsteadOfADirectoryIsAnInputError() {
        assertThatThrownBy(() ->
                        new SecretScanner(SecretScanOptions.defaults()).scan(workspace.resolve("README.md"), m -> {}))
                .isInstanceOf(ChecklistInputException.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void defaultSkipsIncludeVendoredFolders() {
        assertThat(SecretScanOptions.DEFAULT_SKIPPED_DIRECTORIES).contains(".git", "node_modules", "vendor");
        assertThat(Set.copyOf(SecretScanOptions.defaults().skipDirectories()))
                .isEqualTo(SecretScanOptions.DEFAULT_SKIPPED_DIRECTORIES);
    }
}
