package io.jenkins.plugins.devops.core.checklist.report;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the report as JUnit XML so Jenkins' test report shows it: one test suite per checklist, one test case per
 * item. FAIL is a {@code <failure>}, NOT_APPLICABLE and UNKNOWN are {@code <skipped>}, WARN passes with the warning
 * in {@code <system-out>} (a warning should not turn the test report red on its own; the policy decides).
 */
public final class JunitReportWriter {
    private JunitReportWriter() {}

    public static String write(ChecklistReport report) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "devops checklist");
            long total = report.items().count();
            xml.writeAttribute("tests", String.valueOf(total));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(report.items()
                            .filter(i -> i.status() == Status.FAIL)
                            .count()));
            for (ChecklistResult checklist : report.checklists()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute(
                        "name",
                        "devops.checklist." + checklist.category().name().toLowerCase(java.util.Locale.ROOT));
                xml.writeAttribute("tests", String.valueOf(checklist.items().size()));
                xml.writeAttribute("failures", String.valueOf(checklist.count(Status.FAIL)));
                xml.writeAttribute("errors", "0");
                xml.writeAttribute(
                        "skipped",
                        String.valueOf(checklist.count(Status.NOT_APPLICABLE) + checklist.count(Status.UNKNOWN)));
                for (ItemResult item : checklist.items()) {
                    xml.writeCharacters("\n    ");
                    xml.writeStartElement("testcase");
                    xml.writeAttribute(
                            "classname",
                            "devops.checklist." + checklist.category().name().toLowerCase(java.util.Locale.ROOT));
                    xml.writeAttribute("name", item.id() + " — " + item.title());
                    xml.writeAttribute("time", "0");
                    String details = details(item);
                    switch (item.status()) {
                        case FAIL -> {
                            xml.writeStartElement("failure");
                            xml.writeAttribute("type", item.severity().name());
                            xml.writeAttribute("message", item.summary());
                            xml.writeCharacters(details);
                            xml.writeEndElement();
                        }
                        case NOT_APPLICABLE, UNKNOWN -> {
                            xml.writeStartElement("skipped");
                            xml.writeAttribute("message", item.status() + ": " + item.summary());
                            xml.writeEndElement();
                        }
                        case WARN -> {
                            xml.writeStartElement("system-out");
                            xml.writeCharacters("WARN (score " + item.score() + "/10): " + details);
                            xml.writeEndElement();
                        }
                        case PASS -> {
                            xml.writeStartElement("system-out");
                            xml.writeCharacters("PASS: " + item.summary());
                            xml.writeEndElement();
                        }
                    }
                    xml.writeEndElement();
                }
                xml.writeCharacters("\n  ");
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out + "\n";
    }

    private static String details(ItemResult item) {
        StringBuilder text = new StringBuilder(item.summary()).append('\n');
        for (Evidence evidence : item.evidence()) {
            text.append("  ")
                    .append(evidence.location())
                    .append(' ')
                    .append(evidence.detail())
                    .append('\n');
        }
        return text.append("Remediation: ").append(item.remediation()).toString();
    }
}
