package io.jenkins.plugins.devops.core.checklist.evidence;

import io.jenkins.plugins.devops.core.checklist.ChecklistInputException;
import java.io.StringReader;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JUnit XML and JaCoCo / Cobertura coverage XML with a streaming parser that never loads DTDs or external
 * entities (JaCoCo files declare a DTD; it is ignored).
 */
public final class XmlReports {
    private XmlReports() {}

    private static XMLStreamReader open(String text) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new StringReader(text));
    }

    private static ChecklistInputException unreadable(String file, String what, XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("\\s+", " ");
        int detail = message.indexOf("Message:");
        return new ChecklistInputException(file + " line " + line + ": not valid " + what + " XML ("
                + (detail >= 0 ? message.substring(detail + 9).trim() : message) + "); regenerate or exclude it");
    }

    /**
     * Counts test cases of a JUnit XML file ({@code <testsuites>} or {@code <testsuite>} root); empty when the root
     * is something else (an XML file matched by the glob that is not a test report).
     */
    public static Optional<TestReport> junit(String file, String text) {
        try {
            XMLStreamReader xml = open(text);
            int tests = 0;
            int failed = 0;
            int skipped = 0;
            boolean inCase = false;
            boolean caseFailed = false;
            boolean caseSkipped = false;
            boolean root = true;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (root) {
                        root = false;
                        if (!name.equals("testsuites") && !name.equals("testsuite")) {
                            return Optional.empty();
                        }
                    }
                    switch (name) {
                        case "testcase" -> {
                            inCase = true;
                            caseFailed = false;
                            caseSkipped = false;
                        }
                        case "failure", "error" -> caseFailed |= inCase;
                        case "skipped" -> caseSkipped |= inCase;
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT
                        && xml.getLocalName().equals("testcase")) {
                    tests++;
                    failed += caseFailed ? 1 : 0;
                    skipped += caseSkipped && !caseFailed ? 1 : 0;
                    inCase = false;
                }
            }
            return Optional.of(new TestReport(file, tests, failed, skipped));
        } catch (XMLStreamException e) {
            throw unreadable(file, "JUnit", e);
        }
    }

    /** Line coverage of a JaCoCo ({@code <report>}) or Cobertura ({@code <coverage line-rate>}) XML file. */
    public static Optional<CoverageReport> coverage(String file, String text) {
        try {
            XMLStreamReader xml = open(text);
            int depth = 0;
            String rootName = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    String name = xml.getLocalName();
                    if (rootName == null) {
                        rootName = name;
                        if (name.equals("coverage")) {
                            String rate = xml.getAttributeValue(null, "line-rate");
                            if (rate == null) {
                                return Optional.empty();
                            }
                            return Optional.of(new CoverageReport(file, "cobertura", Double.parseDouble(rate) * 100));
                        }
                        if (!name.equals("report")) {
                            return Optional.empty();
                        }
                    } else if (depth == 2
                            && name.equals("counter")
                            && "LINE".equals(xml.getAttributeValue(null, "type"))) {
                        double missed = Double.parseDouble(xml.getAttributeValue(null, "missed"));
                        double covered = Double.parseDouble(xml.getAttributeValue(null, "covered"));
                        double total = missed + covered;
                        return Optional.of(new CoverageReport(file, "jacoco", total == 0 ? 0 : covered / total * 100));
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return Optional.empty();
        } catch (XMLStreamException e) {
            throw unreadable(file, "coverage", e);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ChecklistInputException(
                    file + ": coverage counters are not numbers; regenerate the coverage report or exclude it");
        }
    }

    /** Line coverage of an lcov tracefile (sums of {@code LF:} and {@code LH:}). */
    public static Optional<CoverageReport> lcov(String file, String text) {
        long found = 0;
        long hit = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("LF:")) {
                found += Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("LH:")) {
                hit += Long.parseLong(line.substring(3).trim());
            }
        }
        return found == 0 ? Optional.empty() : Optional.of(new CoverageReport(file, "lcov", hit * 100.0 / found));
    }
}
