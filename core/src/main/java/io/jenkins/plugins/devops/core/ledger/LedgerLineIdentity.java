package io.jenkins.plugins.devops.core.ledger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The service, environment and finish time of one ledger line, read with Jackson's streaming parser only: checking
 * a saved index when the ledger opens must not pay for Jackson databind's start-up, which is a third of a cold
 * {@code devops dora} run.
 *
 * @param service the entry's service
 * @param environment the entry's environment
 * @param finishedEpochSecond when it finished, in epoch seconds
 */
record LedgerLineIdentity(String service, String environment, long finishedEpochSecond) {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** The identity of a ledger line's payload, or empty when the line does not carry one. */
    static Optional<LedgerLineIdentity> of(byte[] payload) {
        try (JsonParser parser = FACTORY.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            String service = null;
            String environment = null;
            String finishedAt = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "service" -> service = parser.getText();
                    case "environment" -> environment = parser.getText();
                    case "finishedAt" -> finishedAt = parser.getText();
                    default -> parser.skipChildren();
                }
            }
            if (service == null || environment == null || finishedAt == null) {
                return Optional.empty();
            }
            return Optional.of(new LedgerLineIdentity(
                    service, environment, Instant.parse(finishedAt).getEpochSecond()));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
