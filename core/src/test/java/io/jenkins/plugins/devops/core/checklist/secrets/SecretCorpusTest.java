package io.jenkins.plugins.devops.core.checklist.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall and false positives of the built-in rules on a corpus written for this project: every token format in
 * every assignment syntax teams use (.env, YAML, JSON, XML, INI, properties, Go, Java, Kotlin, Python, PHP, C#, shell,
 * Makefile, Terraform, Dockerfile, logstash, {@code System.setProperty}), bare tokens in prose and URLs, and lines
 * that must not be reported (placeholders, variables, documentation examples, identifiers that name no secret, code).
 * Secrets are generated from a fixed seed, so this source holds none and the corpus is the same on every run.
 * docs/checklists.md reports the numbers this test prints.
 */
class SecretCorpusTest {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    private static final String ALNUM = UPPER + LOWER + DIGITS;
    private static final String HEX = "0123456789abcdef";

    /** Assignment syntaxes: {n} is the name (e.g. deploy_token), {N} the upper-case name, {s} the secret. */
    private static final List<String> FORMATS = List.of(
            "{N}={s}", // .env, unquoted
            "export {N}=\"{s}\"", // shell
            "{n}: {s}", // YAML, unquoted
            "  {n}: '{s}'", // YAML, single quotes
            "{n}: \"{s}\"", // YAML, double quotes
            "{\"{n}\": \"{s}\"}", // JSON
            "<{n}>{s}</{n}>", // XML element
            "<{n}>\n    {s}\n</{n}>", // XML element over three lines
            "{n} = {s}", // INI
            "app.{n}={s}", // properties
            "{n} := \"{s}\"", // Go short declaration
            "var {n} string = \"{s}\"", // Go
            "private static final String {N} = \"{s}\";", // Java
            "val {n} = \"{s}\"", // Kotlin
            "{n} = '{s}'", // Python
            "${n} = \"{s}\";", // PHP
            "string {n} = \"{s}\";", // C#
            "{N} ?= {s}", // Makefile
            "System.setProperty(\"app.{n}\", \"{s}\");", // JVM property
            "  \"{n}\" => \"{s}\"", // logstash / Ruby hash
            "{n} = \"{s}\"", // Terraform / TOML
            "ENV {N}={s}", // Dockerfile
            "      - {N}={s}", // docker-compose environment
            "config = {\"url\": \"https://example.org\", \"{n}\": \"{s}\"}", // inline JSON
            "{\"settings.ini\": \"{N}={s}\\nDEBUG=false\"}"); // escaped newline in a JSON string

    /** A token kind: the rule expected to report it, a name to assign it to and how to make one. */
    private record Kind(String rule, String name, String prefix, String alphabet, int length, String suffix) {
        String make(Random random) {
            StringBuilder token = new StringBuilder(prefix);
            for (int i = 0; i < length; i++) {
                token.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return token.append(suffix).toString();
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("aws-access-key-id", "aws_access_key_id", "AKIA", UPPER + "234567", 16, ""),
            new Kind("aws-access-key-id", "aws_key", "ASIA", UPPER + "234567", 16, ""),
            new Kind("aws-access-key-id", "sts_bearer", "ABIA", UPPER + "234567", 16, ""),
            new Kind("aws-access-key-id", "context_credential", "ACCA", UPPER + "234567", 16, ""),
            new Kind("aws-access-key-id", "legacy_key", "A3TX", UPPER + DIGITS, 16, ""),
            new Kind("github-token", "gh_token", "ghp_", ALNUM, 36, ""),
            new Kind("github-token", "github_oauth", "gho_", ALNUM, 36, ""),
            new Kind("github-fine-grained-token", "github_pat", "github_pat_", ALNUM + "_", 82, ""),
            new Kind("gitlab-token", "gitlab_token", "glpat-", ALNUM + "_-", 20, ""),
            new Kind("gitlab-token", "runner_token", "glrt-", ALNUM, 20, ""),
            new Kind("slack-token", "slack_bot", "xoxb-1234567890-9876543210-", ALNUM, 24, ""),
            new Kind("slack-token", "slack_user", "xoxp-2345678901-3456789012-4567890123-", LOWER + DIGITS, 32, ""),
            new Kind("slack-token", "slack_app", "xapp-1-A0ABCDEF123-4567890123-", LOWER + DIGITS, 64, ""),
            new Kind("slack-token", "slack_refresh", "xoxe-1-", UPPER + DIGITS, 146, ""),
            new Kind("slack-token", "slack_config", "xoxe.xoxp-1-", UPPER + DIGITS, 164, ""),
            new Kind(
                    "slack-webhook",
                    "slack_webhook",
                    "https://hooks.slack.com/services/T0AB12CD3/B0CD34EF5/",
                    ALNUM,
                    24,
                    ""),
            new Kind(
                    "slack-webhook",
                    "slack_workflow",
                    "http://hooks.slack.com/workflows/T0AB12CD3/A0CD34EF5/" + "123456789012345678/",
                    ALNUM,
                    24,
                    ""),
            new Kind("slack-webhook", "slack_trigger", "https://hooks.slack.com/triggers/T0AB12CD3/", ALNUM, 40, ""),
            new Kind("stripe-key", "stripe_secret", "sk_live_", ALNUM, 24, ""),
            new Kind("stripe-key", "stripe_test", "sk_test_", ALNUM, 24, ""),
            new Kind("stripe-key", "stripe_restricted", "rk_live_", ALNUM, 24, ""),
            new Kind("stripe-key", "stripe_restricted_test", "rk_test_", ALNUM, 24, ""),
            new Kind("google-api-key", "maps_api_key", "AIza", ALNUM + "_-", 35, ""),
            new Kind("npm-token", "npm_token", "npm_", LOWER + DIGITS, 36, ""),
            new Kind("sendgrid-api-key", "sendgrid", "SG.", ALNUM, 22, ".abcDEF123ghiJKL456mnoPQR789stuVWX012yzABC3d"),
            new Kind("openai-api-key", "openai", "sk-proj-", ALNUM, 40, "T3BlbkFJ" + "q2W3e4R5t6Y7u8I9o0P1a2S3"),
            new Kind("anthropic-api-key", "anthropic", "sk-ant-api03-", ALNUM + "_-", 93, "AA"),
            new Kind("huggingface-token", "hf", "hf_", UPPER + LOWER, 34, ""),
            new Kind("digitalocean-token", "do", "dop_v1_", HEX, 64, ""),
            new Kind("shopify-token", "shopify", "shpat_", HEX, 32, ""),
            new Kind("databricks-token", "databricks", "dapi", HEX, 32, ""),
            new Kind("pypi-token", "pypi", "pypi-AgEIcHlwaS5vcmc", ALNUM + "_-", 60, ""),
            new Kind(
                    "jwt",
                    "session",
                    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ",
                    ALNUM,
                    40,
                    ".sig" + "nA1b2C3d4E5f6G7"),
            new Kind("jwt", "unsigned", "eyJhbGciOiJub25lIn0.eyJ", ALNUM, 30, "."),
            // a JWT encoded once more in base64: the header {"alg":"HS256"} and the start of a payload, then random
            new Kind("jwt-base64", "encoded_jwt", "ZXlKaGJHY2lPaUpJVXpJMU5pSjkuZXlK", ALNUM + "+/", 80, ""),
            // a legacy workspace token is mostly digits: entropy under 3.0 bits per character
            new Kind("slack-token", "slack_legacy", "xoxa-2-711111111-61111111111-5111111111111-", HEX, 18, ""),
            new Kind("sidekiq-secret", "bundle_gems__contribsys__com", "", HEX, 8, ":3c9e07ab"),
            new Kind("sumologic-access-id", "sumoToken", "su", ALNUM, 12, ""),
            new Kind("generic-secret", "db_password", "", ALNUM, 20, ""),
            new Kind("generic-secret", "client_secret", "", HEX, 32, ""),
            new Kind("generic-secret", "api_key", "", ALNUM, 32, ""),
            new Kind("generic-secret", "access_token", "", ALNUM + "-_", 40, ""),
            new Kind("generic-secret", "auth_token", "", HEX, 40, ""),
            new Kind("generic-secret", "smtp_password", "", ALNUM, 16, ""));

    /** Rules that recognise a value only by the name it is assigned to: no bare cases for them. */
    private static final Set<String> NEEDS_A_NAME = Set.of("generic-secret", "sidekiq-secret", "sumologic-access-id");

    /** Bare tokens: in prose, in a URL or a command, without a telling name. */
    private static final List<String> BARE =
            List.of("{s}", "Use {s} for now", "curl -H 'X: {s}' https://api.test", "  ({s})", "token:{s}");

    /** Lines that must not be reported. */
    private static final List<String> NEGATIVES = List.of(
            // placeholders and variables
            "password = \"xxxxxxxxxxxxxxxxxxxx\"",
            "token = \"REPLACE_WITH_YOUR_TOKEN\"",
            "api_key: <your-api-key>",
            "API_TOKEN=${API_TOKEN}",
            "DB_PASSWORD=$DB_PASSWORD",
            "password: {{ .Values.db.password }}",
            "secret: ${{ secrets.DEPLOY_KEY }}",
            "password = \"changeme\"",
            "password: '********'",
            "client_secret = \"<client-secret>\"",
            "token: %API_TOKEN%",
            "password=@db.password@",
            "secret_key = os.environ[\"SECRET_KEY\"]",
            "token := os.Getenv(\"GITHUB_TOKEN\")",
            "String password = System.getenv(\"DB_PASSWORD\");",
            "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
            "GITHUB_TOKEN=ghp_" + "x".repeat(36),
            "key = AKIA" + "X".repeat(16),
            "slack: xoxb-" + "x".repeat(10) + "-" + "x".repeat(12),
            "stripe = sk_live_" + "X".repeat(24),
            "export NPM_TOKEN=npm_" + "x".repeat(36),
            "api_key = \"your_api_key_here\"",
            "password: \"insert-your-password\"",
            "token = \"dummy-token-1234567890\"",
            "password: redacted_1234567890",
            // a vendor's prefix without the vendor's format: judged by the vendor rule alone, not by the generic one
            "DATABRICKS_TOKEN=dapi7c2e9b41d0f3a6k8m5q1w4x9z2r6t8",
            "\"deploy_token\": \"xoxp-48213957\"",
            "slack_token = \"xoxb-5521-5521-5521-9c7e2a4f1d8b3e6a0c5f\"",
            "github_token: ghp_T9wq2Lm4vR7",
            "hf_token = \"hf_Qm4Tz8Lw2Rk\"",
            // documentation examples
            "aws_access_key_id = AKIA" + "IOSFODNN7EXAMPLE",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxR" + "fiCYEXAMPLEKEY",
            "apiKey: \"AIza" + "Sy" + "abcdefghijklmnopqrstuvwxyz7654321\"",
            "key: ASIA" + "IOSFODNN7EXAMPLE",
            // empty or broken key material
            "-----BEGIN " + "PRIVATE KEY-----\n-----END PRIVATE KEY-----",
            "-----BEGIN " + "RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN " + "EC PRIVATE KEY----------END EC PRIVATE KEY-----",
            // identifiers that hold no secret
            "keyName: build-cache-2024",
            "key_id = 5c3a9e1f-0b2d-4e6f-8a7b-9c0d1e2f3a4b",
            "credentialsId: 'a1f3c2d4-5678-4e9a-b0c1-d2e3f4a5b6c7'",
            "withCredentials([usernamePassword(credentialsId: 'deploy-creds-2', usernameVariable: 'U')])",
            "public_key = \"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5\"",
            "primaryKey = \"customer_id_2\"",
            "access_id: 3f1e2d4c-aaaa-4bbb-8ccc-123456789abc",
            "api_version = \"2023-10-01\"",
            "apiUrl = https://api2.internal.example.net/v1",
            "secret_name: prod-db-secret-v2",
            "token_url = \"https://login.example.com/oauth2/v2.0/token\"",
            "password_policy: min12_upper1_digit1",
            "author = \"jane.doe2@example.org\"",
            "keystore.file=conf/server2.p12",
            "key_file: /etc/ssl/private/server2.key",
            "csrf_token = request.form['csrf_token2']",
            "<entry key=\"org.gradle.jvmargs2\" value=\"-Xmx2g\" />",
            "KeyPair = crypto.generate_keypair2()",
            // code and prose
            "if (token.length() > 20) { return parse(token); }",
            "return secretManager.getSecret(secretId2);",
            "The password must contain 12 characters.",
            "passwordEncoder = new BCryptPasswordEncoder(12);",
            "apiVersion: apps/v1",
            "kind: Secret",
            "token_count = len(tokens) + 1",
            "monkeys: 12 barrels",
            "keyboard_layout = us_intl2",
            "import { apiKey2, authToken3 } from './config';",
            "timeout: 30s # seconds before the access token expires",
            "version: 1.2.3-SNAPSHOT",
            "image: registry.example.com/team/app:1.4.2",
            "checksum: sha256:" + "0".repeat(64),
            "WHENINASIAVISITTHEMARKETSTODAY",
            "msgstr \"Avaa asiakaspalvelun ohjeet.\"",
            "task_test_value = 12",
            "https://user:password@localhost:5432/db",
            "postgres://app:${DB_PASSWORD}@db:5432/app",
            "curl -u \"$USER:$PASS\" https://example.com",
            "curl -H \"Authorization: Bearer $TOKEN\" https://api.example.com",
            "curl --user username:password https://example.com",
            "ghp_ is the prefix of GitHub tokens",
            "See https://hooks.slack.com/services/ for webhooks",
            "Token: eyJhbGciOi...",
            "jwt: header.payload.signature",
            "secret: true",
            "password: null",
            "api_key: false",
            "token: 12",
            "key = value",
            "password = password",
            "DB_PASSWORD=\nDB_USER=",
            "access_log: /var/log/nginx/access2.log",
            "auth_type: oauth2",
            "credential_provider: aws-sso2",
            "sort_key: created_at2",
            "ssh_key_path: ~/.ssh/id_ed25519");

    @TempDir
    Path corpus;

    @Test
    void everyBuiltInRuleIsPrefilteredByKeywordsItsMatchesStartWith() {
        for (SecretRule rule : SecretRules.builtIn()) {
            assertThat(rule.keywords()).as(rule.id()).isNotEmpty().allSatisfy(k -> assertThat(k.length())
                    .as(rule.id() + " keyword " + k)
                    .isGreaterThanOrEqualTo(2));
        }
        assertThat(SecretRules.builtIn()).extracting(SecretRule::id).doesNotHaveDuplicates();
    }

    private record Case(String id, boolean secret, String rule, String text, String file) {
        Case(String id, boolean secret, String rule, String text) {
            this(id, secret, rule, text, "case.txt");
        }
    }

    @Test
    void recallAtLeast97PercentAndFalsePositivesAtMost3Percent() throws IOException {
        List<Case> cases = cases();
        for (Case c : cases) {
            Path file = corpus.resolve(c.id()).resolve(c.file());
            Files.createDirectories(file.getParent());
            Files.writeString(file, c.text() + "\n", StandardCharsets.UTF_8);
        }
        SecretScanResult result = new SecretScanner(SecretScanOptions.defaults()).scan(corpus, m -> {});
        Map<String, Set<String>> rulesByCase = result.findings().stream()
                .collect(Collectors.groupingBy(
                        f -> f.path().substring(0, f.path().indexOf('/')),
                        Collectors.mapping(SecretFinding::ruleId, Collectors.toSet())));

        int positives = 0;
        int found = 0;
        int byRule = 0;
        int negatives = 0;
        int falsePositives = 0;
        Map<String, int[]> perRule = new TreeMap<>();
        List<String> missed = new ArrayList<>();
        List<String> wronglyFlagged = new ArrayList<>();
        for (Case c : cases) {
            Set<String> rules = rulesByCase.getOrDefault(c.id(), Set.of());
            if (c.secret()) {
                positives++;
                int[] counts = perRule.computeIfAbsent(c.rule(), r -> new int[2]);
                counts[1]++;
                if (!rules.isEmpty()) {
                    found++;
                    counts[0]++;
                } else {
                    missed.add(c.rule() + ": " + c.text().replace("\n", "\\n"));
                }
                if (rules.contains(c.rule())) {
                    byRule++;
                }
            } else {
                negatives++;
                if (!rules.isEmpty()) {
                    falsePositives++;
                    wronglyFlagged.add(rules + ": " + c.text().replace("\n", "\\n"));
                }
            }
        }
        double recall = (double) found / positives;
        double falsePositiveRate = (double) falsePositives / negatives;
        System.out.printf(
                "secret corpus: %d secrets, %d found (%.1f%%, %.1f%% by the expected rule); %d non-secrets,"
                        + " %d flagged (%.1f%%)%n",
                positives,
                found,
                100 * recall,
                100.0 * byRule / positives,
                negatives,
                falsePositives,
                100 * falsePositiveRate);
        perRule.forEach((rule, counts) -> System.out.printf("  %-28s %d/%d%n", rule, counts[0], counts[1]));
        missed.forEach(m -> System.out.println("  missed " + m));
        wronglyFlagged.forEach(m -> System.out.println("  flagged " + m));

        assertThat(positives).isGreaterThan(900);
        assertThat(negatives).isGreaterThan(90);
        assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.97);
        assertThat(falsePositiveRate).as("false positives: %s", wronglyFlagged).isLessThanOrEqualTo(0.03);
        assertThat(result.toString()).doesNotContain(cases.get(0).text());
    }

    @Test
    void aValueWithAVendorPrefixIsJudgedByTheVendorRuleAlone() throws IOException {
        Random random = new Random(7);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            hex.append(HEX.charAt(random.nextInt(HEX.length())));
        }
        Files.writeString(corpus.resolve("malformed.env"), "DATABRICKS_TOKEN=dapi7c2e9b41d0f3a6k8m5q1w4x9z2r6t8\n");
        Files.writeString(corpus.resolve("wellformed.env"), "DATABRICKS_TOKEN=dapi" + hex + "\n");
        // a prefix whose forms the vendor rule does not all know (a token of PyPI's test index) stays generic
        Files.writeString(corpus.resolve("testpypi.env"), "TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw" + hex + "\n");

        List<SecretFinding> findings = new SecretScanner(SecretScanOptions.defaults())
                .scan(corpus, message -> {})
                .findings();

        assertThat(findings)
                .extracting(SecretFinding::path, SecretFinding::ruleId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("wellformed.env", "databricks-token"),
                        org.assertj.core.groups.Tuple.tuple("testpypi.env", "generic-secret"));
    }

    @Test
    void formatSpecificRulesFindTheirShapesInAnySyntax() throws IOException {
        Map<String, String> lines = new TreeMap<>();
        // mostly digits: about 2.8 bits per character, under the 3.0 most token rules ask for
        lines.put("slack.env", "SLACK_TOKEN=xoxa-2-711111111-61111111111-5111111111111-9be2c04f7d1a85e3c6");
        lines.put("sidekiq.go", "var BUNDLE_ENTERPRISE__CONTRIBSYS__COM string = \"5e1f9a0c:d27b48e3\"");
        lines.put(
                "sidekiq.xml",
                "<BUNDLE_GEMS__CONTRIBSYS__COM>\n    a04c7e19:6fb3d285\n</BUNDLE_GEMS__CONTRIBSYS__COM>");
        lines.put("sumo.js", "const sumoToken = \"suR7kPw2LmQ9xZ\";");
        lines.put("sumo.xml", "<sumoToken>suV3nT8qWe5Yb1</sumoToken>");
        lines.put(
                "encoded.yaml",
                "token: "
                        + java.util.Base64.getEncoder()
                                .encodeToString(
                                        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjaS1ib3QtNyJ9.Zk3pQ8vW2nR5tY7uI1oA4sD6fG9hJ0kL"
                                                .getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, String> line : lines.entrySet()) {
            Files.writeString(corpus.resolve(line.getKey()), line.getValue() + "\n");
        }

        Map<String, String> ruleByFile = new TreeMap<>();
        new SecretScanner(SecretScanOptions.defaults())
                .scan(corpus, message -> {})
                .findings()
                .forEach(f -> ruleByFile.put(f.path(), f.ruleId()));

        assertThat(ruleByFile)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "slack.env", "slack-token",
                        "sidekiq.go", "sidekiq-secret",
                        "sidekiq.xml", "sidekiq-secret",
                        "sumo.js", "sumologic-access-id",
                        "sumo.xml", "sumologic-access-id",
                        "encoded.yaml", "jwt-base64"));
    }

    private static List<Case> cases() {
        Random random = new Random(20261207);
        List<Case> cases = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Kind kind : KINDS) {
            for (String format : FORMATS) {
                String name = kind.name();
                String text = format.replace("{n}", name)
                        .replace("{N}", name.toUpperCase(java.util.Locale.ROOT))
                        .replace("{s}", kind.make(random));
                cases.add(new Case("p" + cases.size(), true, kind.rule(), text));
            }
            if (!NEEDS_A_NAME.contains(kind.rule())) {
                for (String bare : BARE) {
                    cases.add(new Case("p" + cases.size(), true, kind.rule(), bare.replace("{s}", kind.make(random))));
                }
            }
            names.merge(kind.rule(), 1, Integer::sum);
        }
        String body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC";
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "private-key",
                "-----BEGIN " + "PRIVATE KEY-----\n" + body + "7x\n" + body + "9q\n-----END PRIVATE KEY-----"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "private-key",
                "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + body + body + "\n-----END OPENSSH PRIVATE KEY-----"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "private-key",
                "{\"private_key\": \"-----BEGIN " + "PRIVATE KEY-----\\n" + body + "\\n" + body
                        + "\\n-----END PRIVATE KEY-----\\n\"}"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "gcp-service-account",
                "{\n  \"type\": \"service_account\",\n  \"project_id\": \"shop-prod\"\n}"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "url-credentials",
                "DATABASE_URL=postgres://shop:Wq8zR2vL5nT1@db.internal:5432/shop"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "curl-auth",
                "curl -sf -u deploy:Kd82jsLq0pWz https://nexus.internal/repository/"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "curl-auth",
                "curl -X POST \\\n  -H \"Authorization: Bearer 3fe1a9c07b2d4e5f8a6b9c0d1e2f3a4b\" https://api.test"));
        // rules that apply to one kind of file
        String secretManifest = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n"
                + "  # base64\n  password: cDRzc3cwcmQtUXo3eDI=\n";
        cases.add(new Case("p" + cases.size(), true, "kubernetes-secret-data", secretManifest, "db-secret.yaml"));
        cases.add(new Case(
                "n-configmap",
                false,
                null,
                secretManifest.replace("kind: Secret", "kind: ConfigMap").replace("password:", "greeting:"),
                "config.yaml"));
        cases.add(new Case(
                "n-template",
                false,
                null,
                secretManifest.replace("cDRzc3cwcmQtUXo3eDI=", "{{ .Values.password | b64enc }}"),
                "tpl.yaml"));
        String nuget = "<configuration><packageSourceCredentials><feed>\n"
                + "  <add key=\"ClearTextPassword\" value=\"Feed-Pass-2024\" />\n</feed></packageSourceCredentials>";
        cases.add(new Case("p" + cases.size(), true, "nuget-config-password", nuget, "NuGet.Config"));
        cases.add(new Case("n-nuget-elsewhere", false, null, nuget, "settings.xml"));
        cases.add(new Case(
                "n-nuget-variable", false, null, nuget.replace("Feed-Pass-2024", "%FEED_PASSWORD%"), "nuget.config"));
        cases.add(new Case(
                "p" + cases.size(),
                true,
                "terraform-password",
                "resource \"azurerm_sql_server\" \"db\" {\n  administrator_login_password = \"Dog4Life!\"\n}",
                "main.tf"));
        cases.add(new Case("n-tf-var", false, null, "administrator_login_password = var.db_password", "main.tf"));
        cases.add(new Case("n-tf-ref", false, null, "password = \"${random_password.db.result}\"", "db.tf"));
        cases.add(new Case("n-tf-js", false, null, "password = \"Dog4Life!\"", "login.js"));
        for (int i = 0; i < NEGATIVES.size(); i++) {
            cases.add(new Case("n" + i, false, null, NEGATIVES.get(i)));
        }
        return cases;
    }
}
