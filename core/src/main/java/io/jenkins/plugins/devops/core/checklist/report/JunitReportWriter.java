package io.jenkins.plugins.devops.core.checklist.report;

import io.jenkins.plugins.devops.core.checklist.ChecklistReport;
import io.jenkins.plugins.devops.core.checklist.ChecklistResult;
import io.jenkins.plugins.devops.core.checklist.Evidence;
import io.jenkins.plugins.devops.core.checklist.ItemResult;
import io.jenkins.plugins.devops.core.checklist.Status;
import io.jenkins.plugins.devops.core.checklist.secrets.SecretFinding;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the report as JUnit XML so Jenkins' test report shows it: one test suite per checklist, one test case per
 * item. FAIL is a {@code <failure>}, NOT_APPLICABLE and UNKNOWN are {@code <skipped>}, WARN passes with the warning
 * in {@code <system-out>} (a warning should not turn the test report red on its own; the policy decides). When the
 * secret scan ran, the suite {@code devops.checklist.secrets} has one failing test case per finding (masked), or one
 * passing case when nothing was found, so {@code --secrets-only} never writes an empty, green report.
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
            List<SecretFinding> secrets = report.secretScan() == null
                    ? List.of()
                    : report.secretScan().findings();
            long secretCases = report.secretScan() == null ? 0 : Math.max(1, secrets.size());
            long total = report.items().count() + secretCases;
            xml.writeAttribute("tests", String.valueOf(total));
            xml.writeAttribute(
                    "failures",
                    String.valueOf(report.items()
                                    .filter(i -> i.status() == Status.FAIL)
                                    .count()
                            + secrets.size()));
            for (ChecklistResult checklist : report.checklists()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute(
                        "name",
                        "devops.checklist." + checklist.category().name().toLowerCase(Locale.ROOT));
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
                            "devops.checklist." + checklist.category().name().toLowerCase(Locale.ROOT));
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
            if (report.secretScan() != null) {
                writeSecrets(xml, secrets);
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

    private static void writeSecrets(XMLStreamWriter xml, List<SecretFinding> findings) throws XMLStreamException {
        String suite = "devops.checklist.secrets";
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", String.valueOf(Math.max(1, findings.size())));
        xml.writeAttribute("failures", String.valueOf(findings.size()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        if (findings.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite);
            xml.writeAttribute("name", "secret scan");
            xml.writeAttribute("time", "0");
            xml.writeEndElement();
        }
        for (SecretFinding finding : findings) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", suite);
            xml.writeAttribute("name", finding.ruleId() + " at " + finding.location() + ":" + finding.column());
            xml.writeAttribute("time", "0");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "SECRET");
            xml.writeAttribute("message", "Secret found (" + finding.ruleId() + "): " + finding.masked());
            xml.writeCharacters(finding.path() + ":" + finding.line() + ":" + finding.column() + " "
                    + finding.masked() + "\nRemediation: remove the secret, rotate it, and read it from a"
                    + " credential store.");
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
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
