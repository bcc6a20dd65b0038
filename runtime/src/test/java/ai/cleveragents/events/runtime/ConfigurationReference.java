package ai.cleveragents.events.runtime;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The configuration reference as the bundles' metatype describes it: every PID under {@code
 * ai.cleveragents.events} designated in an {@code OSGI-INF/metatype/*.xml} of a class path entry (a bundle
 * jar or a module's classes folder), rendered as the markdown that {@code docs/reference/configuration.md}
 * must hold between its two markers.
 */
final class ConfigurationReference {

    static final String PID_PREFIX = "ai.cleveragents.events";
    static final String BEGIN = "<!-- generated from the metatype: begin -->";
    static final String END = "<!-- generated from the metatype: end -->";

    private ConfigurationReference() {
    }

    /** @return the markdown of every PID found on the class path, in PID order */
    static String fromClassPath() {
        Map<String, String> sections = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            try {
                for (byte[] xml : metatypeFiles(path)) {
                    sections.putAll(sections(parse(xml)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return String.join("\n", sections.values());
    }

    private static List<byte[]> metatypeFiles(Path path) throws IOException {
        List<byte[]> files = new ArrayList<>();
        if (Files.isDirectory(path.resolve("OSGI-INF/metatype"))) {
            try (Stream<Path> xml = Files.list(path.resolve("OSGI-INF/metatype"))) {
                for (Path p : xml.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
                    files.add(Files.readAllBytes(p));
                }
            }
        } else if (Files.isRegularFile(path) && path.toString().endsWith(".jar")) {
            try (JarFile jar = new JarFile(path.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    JarEntry entry = e.nextElement();
                    if (entry.getName().startsWith("OSGI-INF/metatype/") && entry.getName().endsWith(".xml")) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        return files;
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a metatype document: " + e.getMessage(), e);
        }
    }

    /** The section of each PID designated in the document: its heading, description and property table. */
    private static Map<String, String> sections(Document doc) {
        Map<String, Element> ocds = new TreeMap<>();
        NodeList ocdNodes = doc.getElementsByTagName("OCD");
        for (int i = 0; i < ocdNodes.getLength(); i++) {
            Element ocd = (Element) ocdNodes.item(i);
            ocds.put(ocd.getAttribute("id"), ocd);
        }
        Map<String, String> sections = new TreeMap<>();
        NodeList designates = doc.getElementsByTagName("Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            boolean factory = designate.hasAttribute("factoryPid");
            String pid = designate.getAttribute(factory ? "factoryPid" : "pid");
            Element object = (Element) designate.getElementsByTagName("Object").item(0);
            Element ocd = ocds.get(object.getAttribute("ocdref"));
            if (pid.startsWith(PID_PREFIX) && ocd != null) {
                sections.put(pid, section(pid, ocd, factory));
            }
        }
        return sections;
    }

    private static String section(String pid, Element ocd, boolean factory) {
        StringBuilder md = new StringBuilder();
        md.append("### `").append(pid).append("`\n\n");
        md.append(ocd.getAttribute("name")).append(": ").append(ocd.getAttribute("description")).append("\n\n");
        if (factory) {
            md.append("A factory PID: each configuration is one instance.\n\n");
        }
        md.append("| property | type | default | allowed | description |\n|---|---|---|---|---|\n");
        NodeList ads = ocd.getElementsByTagName("AD");
        for (int i = 0; i < ads.getLength(); i++) {
            Element ad = (Element) ads.item(i);
            md.append("| `").append(ad.getAttribute("id")).append("` | ").append(ad.getAttribute("type"))
                    .append(" | ").append(defaultValue(ad.getAttribute("default"))).append(" | ")
                    .append(cell(options(ad))).append(" | ").append(cell(ad.getAttribute("description"))).append(" |\n");
        }
        return md.toString();
    }

    private static String options(Element ad) {
        NodeList options = ad.getElementsByTagName("Option");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < options.getLength(); i++) {
            values.add("`" + ((Element) options.item(i)).getAttribute("value") + "`");
        }
        return String.join(", ", values);
    }

    private static String defaultValue(String value) {
        return value.isEmpty() ? "empty" : "`" + cell(value) + "`";
    }

    /** Table-safe: no column break, no line break, no HTML tag. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }
}
