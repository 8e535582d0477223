package io.jenkins.plugins.devops.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.devops.core.deploy.MissingSettingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one line on stderr that names the command and says what to do, with the exit code scripts
 * expect: {@link ExitCodes#USAGE} for bad flags and bad input, {@link ExitCodes#FAILED} for anything that went wrong
 * while working. Set {@code DEVOPS_DEBUG=1} to get the stack trace too.
 */
final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + ex.getMessage() + " (see '" + name + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        int exitCode;
        if (ex instanceof MissingSettingException missing) {
            // The engine names the request setting; the command line's option for it has the same name.
            err.println(name + ": " + missing.fix((setting, example) -> "pass --" + setting + " " + example));
            exitCode = ExitCodes.USAGE;
        } else if (ex instanceof UsageException || ex instanceof IllegalArgumentException) {
            // Core rejects bad requests and configuration with IllegalArgumentException subclasses
            // (InvalidRequestException and friends) whose messages already say how to fix the input.
            err.println(name + ": " + ex.getMessage());
            exitCode = ExitCodes.USAGE;
        } else if (ex instanceof KubernetesClientException kubernetes) {
            err.println(name + ": failed: " + ClusterErrors.describe(kubernetes));
            exitCode = ExitCodes.FAILED;
        } else {
            err.println(name + ": failed: " + describe(ex));
            exitCode = ExitCodes.FAILED;
        }
        if ("1".equals(System.getenv("DEVOPS_DEBUG"))) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode;
    }

    private static String describe(Throwable ex) {
        String message = ex.getMessage();
        Throwable cause = ex.getCause();
        if ((message == null || message.isBlank()) && cause != null) {
            return describe(cause);
        }
        String text = message == null ? ex.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text);
    }
}
