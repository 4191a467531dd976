package org.tactgate.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders {@code templates/*.peb} from the classpath with Pebble, HTML auto-escaping on (every
 * {@code {{ value }}} is escaped; {@code |raw} appears only where the value is already safe and
 * says why). Javalin's own Pebble adapter targets Pebble's old package, hence this one.
 * Thread-safe (Pebble caches compiled templates).
 */
public final class PebbleRenderer implements FileRenderer {
    private final PebbleEngine engine;

    public PebbleRenderer() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        this.engine = new PebbleEngine.Builder().loader(loader).autoEscaping(true).strictVariables(false).build();
    }

    @Override
    public String render(String file, Map<String, ?> model, Context ctx) {
        StringWriter out = new StringWriter();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) model;
            engine.getTemplate(file).evaluate(out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
