package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.context.WorkspaceContextValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code devops demo}: the README's main job. Runs the other commands on the samples in this repository, printing
 * each command line before its output so a reader can run them one by one. Needs no cluster and no network.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show the product on this repository, without a cluster: its checklists (with"
                    + " .devops/checklist.yaml when present), a dry-run canary plan of docs/examples/k8s/checkout.yaml, the DORA figures of docs/examples/deployments.csv and a"
                    + " check of the workspace context in ai-state/.",
            "Each part prints the devops command it runs, so you can run it yourself."
        },
        footer = {
            "",
            "Exit codes: 0 every part ran (their findings are shown, not enforced), 2 the samples were not found."
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--repository",
            defaultValue = ".",
            paramLabel = "DIR",
            description = "The repository to show it on (default: the current directory).")
    Path repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path root = repository.toAbsolutePath().normalize();
        Path examples = root.resolve("docs/examples");
        if (!Files.isRegularFile(examples.resolve("k8s/checkout.yaml"))
                || !Files.isRegularFile(examples.resolve("deployments.csv"))) {
            throw new UsageException("no docs/examples/k8s/checkout.yaml and deployments.csv under " + root
                    + "; run the demo from the repository root or pass --repository DIR");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Integer> exitCodes = new ArrayList<>();

        heading(out, "1. Checklists: CI/CD, infrastructure, monitoring and security of this repository");
        Path config = root.resolve(".devops/checklist.yaml");
        List<String> checklist = new ArrayList<>(List.of("checklist", relative(root)));
        if (Files.isRegularFile(config)) {
            checklist.addAll(List.of("--config", relative(config)));
        }
        // A failed policy is a finding to show, not a failure of the demo.
        exitCodes.add(run(out, checklist.toArray(String[]::new)));

        heading(out, "2. Dry-run plan: a canary of the sample service, nothing is written");
        exitCodes.add(run(
                out,
                "plan",
                "-f",
                relative(examples.resolve("k8s/checkout.yaml")),
                "--service",
                "checkout",
                "--environment",
                "staging",
                "--strategy",
                "canary",
                "--steps",
                "10,50,100",
                "--image",
                "ghcr.io/example/checkout:1.4.2"));

        heading(out, "3. DORA figures of the sample history: two weeks of three services");
        exitCodes.add(run(
                out,
                "dora",
                "--import",
                relative(examples.resolve("deployments.csv")),
                "--window",
                "14d",
                "--at",
                "latest"));

        heading(out, "4. Workspace context: ai-state/active/devops/ against the JSON schemas in core/");
        List<String> problems = WorkspaceContextValidator.validate(root);
        if (problems.isEmpty()) {
            out.println("valid: pipelines.json, infrastructure.json, monitoring.json and tasks/*.json");
        } else {
            problems.forEach(p -> out.println("invalid: " + p));
        }

        out.println();
        out.println("Next: `devops deploy ... --kubeconfig FILE` does the same against a cluster; see --help.");
        out.flush();
        return exitCodes.stream().anyMatch(code -> code == ExitCodes.USAGE) ? ExitCodes.USAGE : ExitCodes.OK;
    }

    /** Runs another devops command with this command's streams, after printing its command line. */
    private int run(PrintWriter out, String... args) {
        out.println("$ devops " + String.join(" ", args));
        out.flush();
        CommandLine commandLine = DevopsCommand.commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(spec.commandLine().getErr());
        return commandLine.execute(args);
    }

    private static void heading(PrintWriter out, String title) {
        out.println();
        out.println("== " + title);
    }

    /** The path as the user would type it from the current directory. */
    private static String relative(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (!file.startsWith(cwd)) {
            return file.toString();
        }
        String relative = cwd.relativize(file).toString();
        return relative.isEmpty() ? "." : relative;
    }
}
