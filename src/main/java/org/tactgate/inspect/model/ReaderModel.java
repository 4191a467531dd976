package org.tactgate.inspect.model;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learned reader: a small fine-tuned BERT (src/train/README.md) that reads a {@link Passage}
 * and says how likely it is to speak ill of the customer ({@code disparage}) and to shame, blame or
 * insult the customer it is addressed to ({@code abuse}). Loaded once from the classpath, run on the
 * CPU by ONNX Runtime with one thread per call (the relay runs many sessions on few cores: a call
 * per session scales better than threads inside one call). Thread-safe.
 */
public final class ReaderModel implements AutoCloseable {
    private static final String MODEL = "/model/reader.onnx";
    private static final String VOCAB = "/model/reader-vocab.txt";
    private static final String MANIFEST = "/model/reader-manifest.json";

    /** The two probabilities for one passage. */
    public record Scores(double disparage, double abuse) {
    }

    private final OrtEnvironment env;
    private final OrtSession session;
    private final PassageEncoder encoder;
    private final ReaderManifest manifest;

    private ReaderModel(OrtEnvironment env, OrtSession session, PassageEncoder encoder, ReaderManifest manifest) {
        this.env = env;
        this.session = session;
        this.encoder = encoder;
        this.manifest = manifest;
    }

    /**
     * Loads the committed model. Fails with a message that says what is missing; the caller turns
     * it into a start-up error (a relay that silently ran without its reader would surprise).
     */
    public static ReaderModel load() {
        try (InputStream vocab = resource(VOCAB); InputStream model = resource(MODEL);
             InputStream manifestFile = resource(MANIFEST)) {
            PassageEncoder encoder = new PassageEncoder(WordPiece.load(vocab));
            ReaderManifest manifest = ReaderManifest.read(manifestFile);
            byte[] bytes = model.readAllBytes();
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                // The file keeps its weights as int8 + scale (DequantizeLinear) to stay small. Left as
                // quantisation nodes, ORT dequantises every weight on every call (measured 20 ms a
                // passage); with QDQ handling off, constant folding turns them into float weights once
                // at load (7 ms a passage, one thread, ~90 MB of heap outside the JVM's).
                options.addConfigEntry("session.disable_quant_qdq", "1");
                return new ReaderModel(env, env.createSession(bytes, options), encoder, manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reader model from the classpath", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the reader model: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ReaderModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name);
        }
        return in;
    }

    public ReaderManifest manifest() {
        return manifest;
    }

    public PassageEncoder encoder() {
        return encoder;
    }

    /** Scores every passage in one batch (padded to the longest). */
    public List<Scores> score(List<Passage> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<long[]> encoded = new ArrayList<>(passages.size());
        int width = 0;
        for (Passage p : passages) {
            long[] ids = encoder.encode(p);
            encoded.add(ids);
            width = Math.max(width, ids.length);
        }
        long[] ids = new long[passages.size() * width];
        long[] mask = new long[ids.length];
        for (int row = 0; row < encoded.size(); row++) {
            long[] e = encoded.get(row);
            System.arraycopy(e, 0, ids, row * width, e.length);
            java.util.Arrays.fill(mask, row * width, row * width + e.length, 1L);
        }
        long[] shape = {passages.size(), width};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
            float[][] probs = (float[][]) result.get(0).getValue();
            List<Scores> out = new ArrayList<>(probs.length);
            for (float[] p : probs) {
                out.add(new Scores(p[0], p[1]));
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("reader model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
