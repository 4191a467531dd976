package org.tactgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {
    @TempDir
    Path site;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = new CommandLine(new CheckCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private Path config() throws IOException {
        Files.writeString(site.resolve("customers.csv"), "name,emails,domains,aliases\nParkway Dental Group,,parkwaydental.example,Parkway;Joan\n");
        return Files.writeString(site.resolve("tactgate.properties"),
                "internal.domains = globex.example\ncustomers.file = customers.csv\ncustomers.external-default = true\n");
    }

    private void eml(String name, String body, String to) throws IOException {
        Files.writeString(site.resolve(name), "From: Ana <ana@globex.example>\nTo: " + to
                + "\nSubject: s\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n");
    }

    @Test
    void printsOneJsonLinePerMessageInNameOrder() throws IOException {
        Path config = config();
        eml("002-pass.eml", "Tom, the room plan for Friday is attached.", "tom@globex.example");
        eml("001-hold.eml", "Joan called again. Between us, she's a total nightmare.", "tom@globex.example");
        assertThat(run("--config", config.toString(), site.toString())).isZero();
        assertThat(out.toString().lines().toList()).hasSize(2)
                .first().asString().startsWith("{\"file\":\"001-hold.eml\",\"verdict\":\"HOLD\"")
                .contains("\"rule\":\"disparagement-internal\"", "\"detector\":\"disparagement\"", "\"evidence\":");
        assertThat(out.toString().lines().toList().get(1)).contains("\"file\":\"002-pass.eml\",\"verdict\":\"PASS\"");
    }

    @Test
    void textFormatHighlightsTheEvidence() throws IOException {
        Path config = config();
        eml("a.eml", "Joan called again. Between us, she's a total nightmare.", "tom@globex.example");
        assertThat(run("--config", config.toString(), "--format", "text", site.resolve("a.eml").toString())).isZero();
        assertThat(out.toString()).contains("HOLD").contains("»");
    }

    @Test
    void badConfigExitsWithTwoAndSaysWhy() {
        assertThat(run("--config", site.resolve("missing.properties").toString(), site.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad configuration").contains("missing.properties");
    }

    @Test
    void unreadableFileIsReportedAndTheOthersAreStillChecked() throws IOException {
        Path config = config();
        eml("ok.eml", "Hello Tom.", "tom@globex.example");
        int code = run("--config", config.toString(), site.resolve("nope.eml").toString(), site.resolve("ok.eml").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope.eml");
        assertThat(out.toString()).contains("\"verdict\":\"PASS\"");
    }
}
