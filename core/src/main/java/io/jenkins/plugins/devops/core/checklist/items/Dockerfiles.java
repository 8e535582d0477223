package io.jenkins.plugins.devops.core.checklist.items;

import io.jenkins.plugins.devops.core.checklist.evidence.Workspace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the instructions the checks care about (FROM, USER) from Dockerfiles. */
final class Dockerfiles {
    private Dockerfiles() {}

    /** A {@code FROM} of an external image (stage references and {@code scratch} left out). */
    record BaseImage(String file, int line, ImageReference image, String text) {}

    /** The last {@code USER} of the final stage, or null when the final stage sets none. */
    record FinalUser(String file, int line, String user) {}

    static List<BaseImage> baseImages(Workspace workspace, String file) {
        List<BaseImage> images = new ArrayList<>();
        Set<String> stages = new HashSet<>();
        String[] lines = workspace.text(file).orElse("").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] words = lines[i].trim().split("\\s+");
            if (words.length < 2 || !words[0].equalsIgnoreCase("FROM")) {
                continue;
            }
            int index = 1;
            while (index < words.length && words[index].startsWith("--")) {
                index++;
            }
            if (index >= words.length) {
                continue;
            }
            String image = words[index];
            if (index + 2 < words.length && words[index + 1].equalsIgnoreCase("AS")) {
                stages.add(words[index + 2].toLowerCase(Locale.ROOT));
            }
            if (image.equals("scratch") || stages.contains(image.toLowerCase(Locale.ROOT)) && !image.contains(":")) {
                continue;
            }
            images.add(new BaseImage(file, i + 1, ImageReference.parse(image), lines[i].trim()));
        }
        return images;
    }

    static FinalUser finalUser(Workspace workspace, String file) {
        String[] lines = workspace.text(file).orElse("").split("\n", -1);
        FinalUser user = new FinalUser(file, 0, null);
        for (int i = 0; i < lines.length; i++) {
            String[] words = lines[i].trim().split("\\s+");
            if (words.length >= 1 && words[0].equalsIgnoreCase("FROM")) {
                user = new FinalUser(file, 0, null);
            } else if (words.length >= 2 && words[0].equalsIgnoreCase("USER")) {
                user = new FinalUser(file, i + 1, words[1]);
            }
        }
        return user;
    }

    /** Whether a USER value is root ({@code root}, {@code 0}, {@code root:root}, {@code 0:0}). */
    static boolean isRoot(String user) {
        String name = user.split(":")[0];
        return name.equals("root") || name.equals("0");
    }
}
