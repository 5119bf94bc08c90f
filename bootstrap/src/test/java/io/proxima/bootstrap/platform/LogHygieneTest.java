package io.proxima.bootstrap.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 11, item 12: a failed insert does not put the statement's values (customer text) into the log. */
@QuarkusTest
@Tag("security")
class LogHygieneTest {

    @Test
    void a_failed_insert_is_logged_without_its_values() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                StringWriter w = new StringWriter();
                w.append(String.valueOf(r.getMessage()));
                if (r.getParameters() != null) {
                    for (Object p : r.getParameters()) {
                        w.append(' ').append(String.valueOf(p));
                    }
                }
                if (r.getThrown() != null) {
                    r.getThrown().printStackTrace(new PrintWriter(w));
                }
                lines.add(w.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().get("/api/v1/_probe_sql").then().statusCode(500);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).anyMatch(l -> l.contains("23514"));
        assertThat(String.join("\n", lines)).doesNotContain(LogHygieneProbeResource.CUSTOMER_TEXT)
                .doesNotContain("insert into");
    }
}
