package io.jenkins.plugins.devops.core.events;

import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** Appends every event as one line of CloudEvents structured JSON to a file (for log shippers and audits). */
public final class JsonlFileSink implements EventSink {
    private final String name;
    private final Path file;

    public JsonlFileSink(String name, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.file = Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("JSONL sink '" + name + "': " + file + " is a directory; give a file");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void deliver(CloudEvent event) throws IOException {
        byte[] json = EventJson.serialize(event);
        ByteBuffer line =
                ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            while (line.hasRemaining()) {
                out.write(line);
            }
        }
    }
}
