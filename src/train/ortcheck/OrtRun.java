// Optional cross-check of an ONNX file with the real ONNX Runtime (the Java build the product uses).
// java -cp onnxruntime-1.20.0.jar src/train/ortcheck/OrtRun.java MODEL.onnx INPUTS.tsv > OUT.tsv
// INPUTS.tsv: one sequence a line, space-separated input ids (attention mask all ones, batch 1);
// token_type_ids (zeros) is fed if the model asks for it. Prints the first output, flattened, a line each.
import ai.onnxruntime.*;
import java.nio.file.*;
import java.util.*;

public class OrtRun {
    public static void main(String[] a) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(a[0], new OrtSession.SessionOptions())) {
            for (String line : Files.readAllLines(Path.of(a[1]))) {
                if (line.isBlank()) continue;
                long[] ids = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
                long[] mask = new long[ids.length]; Arrays.fill(mask, 1);
                Map<String, OnnxTensor> in = new HashMap<>();
                in.put("input_ids", OnnxTensor.createTensor(env, new long[][]{ids}));
                in.put("attention_mask", OnnxTensor.createTensor(env, new long[][]{mask}));
                if (s.getInputNames().contains("token_type_ids"))
                    in.put("token_type_ids", OnnxTensor.createTensor(env, new long[][]{new long[ids.length]}));
                try (OrtSession.Result r = s.run(in)) {
                    OnnxTensor t = (OnnxTensor) r.get(0);
                    java.nio.FloatBuffer fb = t.getFloatBuffer();
                    StringBuilder sb = new StringBuilder();
                    while (fb.hasRemaining()) { if (sb.length() > 0) sb.append(' '); sb.append(fb.get()); }
                    System.out.println(sb);
                }
                for (OnnxTensor t : in.values()) t.close();
            }
        }
    }
}
