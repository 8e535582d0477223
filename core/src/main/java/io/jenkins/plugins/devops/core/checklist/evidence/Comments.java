package io.jenkins.plugins.devops.core.checklist.evidence;

import java.util.Locale;

/**
 * Blanks out the comments of a file so that a tool named in a comment ({@code # TODO: add trivy}, {@code // sh
 * 'sonar-scanner'} commented out) is not taken as evidence that the tool is used. Comment characters become spaces
 * and line breaks stay, so offsets and line numbers of the rest are unchanged. Quoted strings are respected: the
 * {@code #} of {@code color: "#fff"} and the {@code //} of {@code "https://..."} start no comment.
 *
 * <p>Known syntaxes: {@code #} (YAML, shell, Dockerfile, properties, TOML, INI, Terraform, Python, Ruby, Makefile,
 * requirements), {@code //} and {@code /* *}{@code /} (Jenkinsfile, Groovy, Gradle, Kotlin, Java, JavaScript,
 * TypeScript, Go, Terraform/HCL), {@code <!-- -->} (XML, pom.xml). Other files are returned unchanged.
 */
final class Comments {
    private Comments() {}

    private enum Syntax {
        HASH,
        SLASH,
        HASH_AND_SLASH,
        XML,
        NONE
    }

    /** The text with its comments replaced by spaces (line breaks kept). */
    static String blank(String file, String text) {
        return switch (syntax(file)) {
            case HASH -> blankCode(text, true, false);
            case SLASH -> blankCode(text, false, true);
            case HASH_AND_SLASH -> blankCode(text, true, true);
            case XML -> blankXml(text);
            case NONE -> text;
        };
    }

    private static Syntax syntax(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("jenkinsfile") || name.startsWith("jenkinsfile.") || name.endsWith(".jenkinsfile")) {
            return Syntax.SLASH;
        }
        if (name.equals("dockerfile")
                || name.startsWith("dockerfile.")
                || name.endsWith(".dockerfile")
                || name.equals("containerfile")
                || name.equals("makefile")
                || name.equals("gemfile")
                || name.startsWith(".env")
                || name.startsWith("requirements")) {
            return Syntax.HASH;
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "yml",
                    "yaml",
                    "sh",
                    "bash",
                    "properties",
                    "toml",
                    "conf",
                    "ini",
                    "cfg",
                    "env",
                    "py",
                    "rb",
                    "txt",
                    "alloy" -> Syntax.HASH;
            case "groovy", "gradle", "kts", "kt", "java", "js", "mjs", "cjs", "ts", "go", "scala" -> Syntax.SLASH;
            case "tf", "hcl" -> Syntax.HASH_AND_SLASH;
            case "xml", "csproj" -> Syntax.XML;
            default -> Syntax.NONE;
        };
    }

    private static String blankCode(String text, boolean hash, boolean slash) {
        char[] out = text.toCharArray();
        char quote = 0;
        boolean block = false;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c == '\n') {
                quote = 0; // an unterminated quote ends with its line, so one stray apostrophe cannot hide the rest
                continue;
            }
            if (block) {
                if (c == '*' && i + 1 < out.length && out[i + 1] == '/') {
                    out[i] = ' ';
                    out[++i] = ' ';
                    block = false;
                } else {
                    out[i] = ' ';
                }
                continue;
            }
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (hash && c == '#' && (i == 0 || Character.isWhitespace(out[i - 1]))) {
                i = blankToLineEnd(out, i);
            } else if (slash && c == '/' && i + 1 < out.length && out[i + 1] == '/') {
                i = blankToLineEnd(out, i);
            } else if (slash && c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                out[i] = ' ';
                out[++i] = ' ';
                block = true;
            }
        }
        return new String(out);
    }

    private static int blankToLineEnd(char[] out, int from) {
        int i = from;
        while (i < out.length && out[i] != '\n') {
            out[i++] = ' ';
        }
        return i - 1;
    }

    private static String blankXml(String text) {
        char[] out = text.toCharArray();
        int i = 0;
        while ((i = text.indexOf("<!--", i)) >= 0) {
            int end = text.indexOf("-->", i + 4);
            int stop = end < 0 ? out.length : end + 3;
            for (int k = i; k < stop; k++) {
                if (out[k] != '\n') {
                    out[k] = ' ';
                }
            }
            i = stop;
        }
        return new String(out);
    }
}
