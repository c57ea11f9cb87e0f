package fr.civmil.health.platform.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV file written for people who open it in a spreadsheet: a header row, then the rows, a null cell empty, quoting
 * only what needs it (the separator, a quote, a line break) so that names read as typed. A text a spreadsheet would run
 * as a formula (starting with {@code =}, {@code +}, {@code @}, or {@code -} when it is not a number) is prefixed with
 * an apostrophe: exports carry text people typed.
 */
public final class CsvTable {

    /** RFC 4180: comma and CRLF. */
    public static final CsvTable RFC_4180 = new CsvTable(',', "\r\n");
    /** What French spreadsheet software opens by default: semicolon (the comma is the decimal mark) and LF. */
    public static final CsvTable FRENCH_SPREADSHEET = new CsvTable(';', "\n");

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

    private final CsvSchema schema;

    private CsvTable(char separator, String lineSeparator) {
        this.schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator(lineSeparator);
    }

    public String write(List<String> header, List<? extends List<?>> rows) {
        List<List<String>> cells = new ArrayList<>(rows.size() + 1);
        cells.add(header);
        for (List<?> row : rows) {
            cells.add(row.stream().map(CsvTable::cell).toList());
        }
        try {
            return MAPPER.writer(schema).writeValueAsString(cells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of texts is always writable", e);
        }
    }

    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        boolean formula = text.startsWith("=") || text.startsWith("+") || text.startsWith("@")
                || text.startsWith("-") && !NUMBER.matcher(text).matches();
        return formula ? "'" + text : text;
    }
}
