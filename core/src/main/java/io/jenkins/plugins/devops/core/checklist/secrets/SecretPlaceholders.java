package io.jenkins.plugins.devops.core.checklist.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that look like secrets to a regular expression but are not: variables and templates ({@code ${TOKEN}},
 * {@code {{ .Values.password }}}, {@code %PASS%}), placeholders ({@code xxxx}, {@code <your-token>},
 * {@code REPLACE_WITH_YOUR_TOKEN}, {@code changeme}), documentation examples ({@code ...EXAMPLE}, published SDK
 * example keys) and, for the generic assignment rules, values made of ordinary words (stop words).
 */
final class SecretPlaceholders {
    private SecretPlaceholders() {}

    private static final List<Pattern> PLACEHOLDERS = List.of(
            // variables and templates of shells, CI systems, Helm/Jinja, Maven/Gradle, Windows, Go/Python formats
            Pattern.compile("\\$\\{|\\$\\(|\\{\\{|\\}\\}|^\\$[A-Za-z_][\\w.]*$|^%[\\w.-]+%$|^@[\\w.-]+@$|^%[sdvq]$"),
            // <angle-bracket>, [BRACKETED] or *** stand-ins
            Pattern.compile("<[^>]*>|^\\[[^\\]]*\\]$|\\*{3,}|#{4,}"),
            // one character repeated (000000, ------), xxxx / XXXX anywhere, a value cut short with "..."
            Pattern.compile("^(.)\\1*$|(?i)xxxx|\\.{3}$"),
            // obvious character runs
            Pattern.compile("(?i)abcdefghij|qwertyuiop"),
            // documentation examples and placeholders spelled out
            Pattern.compile("EXAMPLE(?:KEY)?$|(?i)(?:replace[_-]?(?:me|with|this)|your[_-]?(?:own[_-]?)?(?:api|access|"
                    + "app|auth|client|secret|token|key|pass|password|private)|change[_-]?me|placeholder|redacted|"
                    + "dummy|not[_-]?(?:a[_-]?)?real|insert[_-]?(?:your|here)|put[_-]?your|goes[_-]?here|_here$|"
                    + "^(?:true|false|null|nil|none|undefined|empty)$)"),
            // file system paths
            Pattern.compile("^(?:/(?:usr|etc|home|opt|tmp|var|bin|Users|mnt|run)/|[A-Za-z]:\\\\)"));

    /**
     * SHA-256 digests of keys published as examples in public SDKs (the Firebase Android SDK's test
     * configurations) and of a public constant of the Yarn package manager: they appear in many checkouts and grant
     * nothing. Kept as digests so this source does not
     * itself hold anything a scanner would report.
     */
    private static final Set<String> PUBLISHED_EXAMPLE_DIGESTS = Set.of(
            "27a9a42931dff7eb2f8434e20a9bce976ea364e7bee49187f19d5cfeca9c7045",
            "49f777db995e8260da7ca9ffdf0c08d66f0453e97ec967018baf2cdfe3b582d0",
            "a6c814bc555ae62c7bd8b58ec07bf559c7ed3a009976a1e0acc9cef0d4473b41",
            "8731261cb72d86267a32a532ebd3df429e2144e5e4ced7e13568bc9e6c8fb1b1",
            "37f8f09bdf12c2f2eae4ead7273a62ddb0c23459cbf902892f282b57f7ed6619",
            "eb540d2b6ee2a0a47c5779bc8a0141784c6b753840d4c6f4e2428a6e86e9e0b1",
            "2037abcaffb2b77785da716cf7ccff4ff4d00c4ea930db0167b7d71f50af7eb4",
            "3a8b61d0f636b007840c0d40ba12bcf48465dc054cdc1a68704a33521d84b665",
            "4c98242dcadc8b29005c6b4aad526552d5ea1842149154c0694adeec75847583",
            "ea9bb1082cf95663f5faca23b8b15ef2aa0fce0a5c6df9c32dcb85b2e0a4513d",
            "3f370c9dd8225c63b5c77de1f785edc9712958f18bb612d5fa2e0ae33aeca682",
            "a19f89ab3555eac10c40741f6df79ecf0935998f15569f8db9d67bce0181fff6",
            "e4a5542bb7fd7b67e943c71ad29c34b5972c9840597e7eda53e666f44d5da0b9",
            "dc0fcf046c61640cbd1e8b999ada3262d722c2ca4bf42dceac999020ffdbb614",
            "f56e323494a6ffc2064e7a955908957d84f0755e5f975dabd64328d0359a8f7c",
            "0b476bdf9acf2123d547b5ae76f1e59884d8ec9553ee0c47e9f31fd4768f3f3c",
            "2f21fd9c81678e396751af8b2472e2bd209ff5ce38da144052fb6c024485982f");

    /**
     * Words that make a value of a generic assignment ({@code key = ...}) a name, a sentence or code rather than a
     * random secret. Matched as substrings of the lower-cased value, so only words of five or more letters that
     * random tokens practically never contain.
     */
    private static final List<String> STOP_WORDS = List.of(
            "account",
            "action",
            "admin",
            "alias",
            "amazon",
            "android",
            "apache",
            "application",
            "archive",
            "array",
            "assert",
            "async",
            "attribute",
            "author",
            "azure",
            "backup",
            "bearer",
            "boolean",
            "browser",
            "buffer",
            "build",
            "bundle",
            "button",
            "cache",
            "callback",
            "change",
            "channel",
            "check",
            "class",
            "client",
            "cluster",
            "column",
            "command",
            "commit",
            "common",
            "compile",
            "component",
            "config",
            "connect",
            "console",
            "constant",
            "container",
            "content",
            "context",
            "control",
            "cookie",
            "count",
            "create",
            "current",
            "custom",
            "database",
            "debug",
            "default",
            "define",
            "delete",
            "deploy",
            "description",
            "device",
            "dialog",
            "digest",
            "directory",
            "disable",
            "display",
            "docker",
            "document",
            "domain",
            "download",
            "driver",
            "element",
            "empty",
            "enable",
            "encode",
            "encrypt",
            "endpoint",
            "entity",
            "entry",
            "environment",
            "error",
            "event",
            "example",
            "exception",
            "export",
            "extension",
            "factory",
            "false",
            "feature",
            "field",
            "filter",
            "final",
            "firebase",
            "folder",
            "format",
            "frame",
            "function",
            "gateway",
            "generate",
            "github",
            "gitlab",
            "global",
            "google",
            "gradle",
            "graph",
            "group",
            "handler",
            "header",
            "health",
            "helper",
            "hidden",
            "history",
            "image",
            "import",
            "index",
            "input",
            "insert",
            "instance",
            "integer",
            "interface",
            "internal",
            "issuer",
            "jenkins",
            "kafka",
            "kernel",
            "label",
            "layout",
            "length",
            "level",
            "library",
            "license",
            "limit",
            "linux",
            "local",
            "login",
            "logout",
            "lookup",
            "manager",
            "master",
            "match",
            "maven",
            "media",
            "memory",
            "message",
            "method",
            "metric",
            "middleware",
            "model",
            "module",
            "monitor",
            "mysql",
            "native",
            "network",
            "number",
            "object",
            "offset",
            "option",
            "order",
            "output",
            "owner",
            "package",
            "param",
            "parent",
            "parse",
            "pattern",
            "payload",
            "plugin",
            "policy",
            "prefix",
            "preview",
            "primary",
            "print",
            "private",
            "process",
            "product",
            "profile",
            "project",
            "property",
            "provider",
            "proxy",
            "public",
            "query",
            "queue",
            "random",
            "react",
            "record",
            "redirect",
            "redis",
            "refresh",
            "region",
            "register",
            "release",
            "remote",
            "remove",
            "render",
            "replace",
            "report",
            "request",
            "require",
            "reset",
            "resource",
            "response",
            "result",
            "return",
            "route",
            "runtime",
            "sample",
            "schema",
            "scope",
            "script",
            "search",
            "secret",
            "section",
            "select",
            "sender",
            "server",
            "service",
            "session",
            "setting",
            "shared",
            "signature",
            "simple",
            "snapshot",
            "socket",
            "source",
            "spring",
            "stage",
            "standard",
            "start",
            "state",
            "static",
            "status",
            "storage",
            "store",
            "stream",
            "string",
            "struct",
            "style",
            "submit",
            "success",
            "support",
            "switch",
            "system",
            "table",
            "target",
            "template",
            "theme",
            "thread",
            "title",
            "token",
            "trace",
            "transform",
            "update",
            "upload",
            "valid",
            "value",
            "variable",
            "vault",
            "version",
            "volume",
            "webhook",
            "widget",
            "window",
            "worker",
            "write");

    /** True when the secret is a placeholder, a variable or a documented example. */
    static boolean isPlaceholder(String secret) {
        for (Pattern pattern : PLACEHOLDERS) {
            if (pattern.matcher(secret).find()) {
                return true;
            }
        }
        return PUBLISHED_EXAMPLE_DIGESTS.contains(sha256(secret));
    }

    /** The first stop word the value contains, or null. */
    static String stopWord(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String word : STOP_WORDS) {
            if (lower.contains(word)) {
                return word;
            }
        }
        return null;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
