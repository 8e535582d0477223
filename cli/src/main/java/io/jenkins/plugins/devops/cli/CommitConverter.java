package io.jenkins.plugins.devops.cli;

import io.jenkins.plugins.devops.core.deploy.Commit;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --commit SHA@TIME}, e.g. {@code 3f2a9c1@2026-11-20T10:00:00Z}; the time feeds DORA lead time. */
final class CommitConverter implements ITypeConverter<Commit> {
    @Override
    public Commit convert(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new TypeConversionException(
                    "'" + value + "' is not SHA@TIME; write e.g. 3f2a9c1@2026-11-20T10:00:00Z");
        }
        try {
            return new Commit(value.substring(0, at), Instant.parse(value.substring(at + 1)));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException(
                    "'" + value.substring(at + 1) + "' is not an ISO-8601 UTC time; write e.g. 2026-11-20T10:00:00Z");
        }
    }
}
