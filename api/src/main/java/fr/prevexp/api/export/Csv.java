package fr.prevexp.api.export;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV exports (<i>exports pour le rapport annuel</i>), RFC 4180 with a semicolon separator and a
 * UTF-8 byte-order mark, as French spreadsheets open them. The columns of a row are the components of
 * the record the JSON answer uses, in their order: the export shows exactly the fields the JSON shows.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    private static final char SEPARATOR = ';';

    private Csv() {
    }

    /** Whether the client asks for CSV ({@code Accept: text/csv}) rather than JSON: CSV is given only when named. */
    public static boolean asked(String accept) {
        if (accept == null) return false;
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            MediaType.sortBySpecificityAndQuality(types);
            for (MediaType t : types) {
                if (t.isWildcardType()) return false;
                if (t.getType().equals("text") && t.getSubtype().equals("csv")) return t.getQualityValue() > 0;
                if (t.isCompatibleWith(MediaType.APPLICATION_JSON)) return false;
            }
        } catch (org.springframework.util.InvalidMimeTypeException | org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        return false;
    }

    /** The header line and one line per row, from the record type's components. */
    public static <R extends Record> String of(Class<R> type, List<R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        for (RecordComponent c : components) header.add(c.getName());
        line(out, header);
        for (R row : rows) {
            List<String> cells = new ArrayList<>();
            for (RecordComponent c : components) {
                try {
                    Object value = c.getAccessor().invoke(row);
                    cells.add(value == null ? "" : value.toString());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            line(out, cells);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(SEPARATOR);
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A cell, quoted when it holds the separator, a quote or a line break; a leading = + - @ is neutralised (formula injection). */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) v = "'" + v;
        if (v.indexOf(SEPARATOR) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    /** The answer: {@code text/csv; charset=UTF-8}, offered as a file of that name. */
    public static ResponseEntity<byte[]> answer(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }
}
