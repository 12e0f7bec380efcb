package org.nnwiki.examples.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Shakespeare's Hamlet, Macbeth and Romeo and Juliet as plain text, read with StAX from the XML
 * editions in the Maven artifact {@code org.exist-db:exist-samples} (public domain text). Each
 * speech becomes the speaker's name, a colon, and its lines:
 *
 * <pre>
 * HAMLET:
 * To be, or not to be: that is the question:
 * </pre>
 *
 * <pre>{@code
 * String text = Shakespeare.text();          // about 400,000 characters
 * Shakespeare.Vocabulary v = Shakespeare.vocabulary(text);
 * int[] ids = v.encode(text);
 * }</pre>
 */
public final class Shakespeare {
    private Shakespeare() {}

    private static final List<String> PLAYS = List.of("hamlet.xml", "macbeth.xml", "r_and_j.xml");

    public static String text() {
        StringBuilder sb = new StringBuilder();
        for (String play : PLAYS) {
            String path = "/org/exist/samples/shakespeare/" + play;
            try (InputStream in = Shakespeare.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IOException(
                            "missing "
                                    + path
                                    + " (the exist-samples jar is not on the class path)");
                }
                appendSpeeches(in, sb);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                throw new IllegalStateException(path + ": " + e.getMessage(), e);
            }
        }
        return sb.toString();
    }

    private static void appendSpeeches(InputStream in, StringBuilder sb) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = factory.createXMLStreamReader(in);
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "SPEAKER" -> sb.append(r.getElementText().strip()).append(":\n");
                    case "LINE" -> sb.append(text(r).strip()).append('\n');
                    default -> {}
                }
            } else if (r.getEventType() == XMLStreamConstants.END_ELEMENT
                    && r.getLocalName().equals("SPEECH")) {
                sb.append('\n');
            }
        }
    }

    /** The text inside an element, including that of nested elements such as stage directions. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                sb.append(r.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return sb.toString();
    }

    /** The characters of a text, sorted, with their ids. */
    public record Vocabulary(char[] chars) {
        public int size() {
            return chars.length;
        }

        public int[] encode(String s) {
            int[] ids = new int[s.length()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = java.util.Arrays.binarySearch(chars, s.charAt(i));
                if (ids[i] < 0) {
                    throw new IllegalArgumentException(
                            "character '" + s.charAt(i) + "' is not in the vocabulary");
                }
            }
            return ids;
        }

        public String decode(int[] ids) {
            StringBuilder sb = new StringBuilder();
            for (int id : ids) {
                sb.append(chars[id]);
            }
            return sb.toString();
        }
    }

    public static Vocabulary vocabulary(String text) {
        TreeSet<Character> set = new TreeSet<>();
        for (char c : text.toCharArray()) {
            set.add(c);
        }
        char[] chars = new char[set.size()];
        int i = 0;
        for (char c : set) {
            chars[i++] = c;
        }
        return new Vocabulary(chars);
    }
}
