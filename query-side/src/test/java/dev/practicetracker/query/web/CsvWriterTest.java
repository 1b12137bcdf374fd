package dev.practicetracker.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(CsvWriter.field("plain text")).isEqualTo("plain text");
    }

    @Test
    void fieldsWithACommaAQuoteOrALineBreakAreQuotedWithQuotesDoubled() {
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("one\ntwo")).isEqualTo("\"one\ntwo\"");
        assertThat(CsvWriter.field("one\rtwo")).isEqualTo("\"one\rtwo\"");
    }

    @Test
    void aNullFieldIsEmptyAndEveryRecordEndsWithCrLf() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.record(Arrays.asList("a", null, "c"));
        csv.record(List.of("d"));

        assertThat(out.toString()).isEqualTo("a,,c\r\nd\r\n");
    }

    @Test
    void whatIsWrittenParsesBackToTheSameFields() throws IOException {
        List<String> fields = List.of("x", "1, 2", "\"quoted\"", "line\r\nbreak", "");
        StringWriter out = new StringWriter();

        new CsvWriter(out).record(fields);

        assertThat(Csv.parse(out.toString())).containsExactly(fields);
    }

    @Test
    void neutralisesAFieldASpreadsheetWouldRunAsAFormula() {
        assertThat(CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.field("-7.5")).isEqualTo("-7.5");
    }
}
