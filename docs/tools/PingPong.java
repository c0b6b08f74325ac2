import java.io.*;
import java.lang.management.*;
import java.lang.reflect.*;
import java.net.*;
import java.nio.file.*;
import java.util.*;

/**
 * Ping-pong A/B of two runtime jars (a measuring aid, not part of the build): two child JVMs,
 * one per jar, take turns decoding the same bundle, one slice each, in ABBA order, so that the
 * host's slow phases (which last seconds) fall on both jars of a pair. Each child loads its jar
 * in a class loader of its own and runs the bundle's first program through the public API
 * (argument 21, hull attention, the slice's token limit) on its main thread; the figure is the
 * thread's CPU time per token. Prints each pair and the B/A ratios' median, geometric mean and
 * the pairs B won.
 *
 *   javac -d /tmp/pp docs/tools/PingPong.java
 *   taskset -c 0 java -cp /tmp/pp PingPong BUNDLE PAIRS TOKENS JAR_A JAR_B
 *
 * Pin it to one CPU (taskset; the children inherit it): this machine's two CPUs differ by ~3%
 * per CPU-second (session 23: one jar against itself, unpinned, B faster in 12 of 12 pairs,
 * median 0.966; pinned, 6 of 12, median 1.000), and an unpinned child stays on whichever it
 * started on, which biases a whole run one way or the other.
 *
 * A jar may be followed by JVM options for its child, after commas
 * ({@code a.jar,-XX:FreqInlineSize=500}), to compare flags on one jar.
 *
 * BUNDLE is the bench's sudoku model, as MakeBenchBundle.java writes it (or any bundle whose
 * first program takes one argument). To compare two models (a change to the interpreter graph),
 * give each jar its own bundle, A's and B's after a comma: {@code a.wfb,b.wfb} (each written
 * by MakeBenchBundle with its own jar).
 */
public class PingPong {
    public static void main(String[] a) throws Throwable {
        if (a[0].equals("child")) { child(a); return; }
        String[] bundles = a[0].split(",");
        int pairs = Integer.parseInt(a[1]);
        String tokens = a[2];
        Process[] p = new Process[2];
        BufferedReader[] in = new BufferedReader[2];
        PrintWriter[] out = new PrintWriter[2];
        for (int j = 0; j < 2; j++) {
            String[] jarAndFlags = a[3 + j].split(",");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx3g"));
            command.addAll(Arrays.asList(jarAndFlags).subList(1, jarAndFlags.length));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "PingPong", "child", bundles[Math.min(j, bundles.length - 1)], tokens,
                    jarAndFlags[0]));
            p[j] = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            in[j] = new BufferedReader(new InputStreamReader(p[j].getInputStream()));
            out[j] = new PrintWriter(p[j].getOutputStream(), true);
        }
        // warm-up: 3 slices each, alternated
        for (int r = 0; r < 3; r++) for (int j = 0; j < 2; j++) slice(in[j], out[j]);
        double[] ratio = new double[pairs];
        double[][] ns = new double[2][pairs];
        for (int r = 0; r < pairs; r++) {
            int first = r & 1;
            double f = slice(in[first], out[first]);
            double s = slice(in[1 - first], out[1 - first]);
            ns[first][r] = f; ns[1 - first][r] = s;
            ratio[r] = ns[1][r] / ns[0][r];
            System.out.printf("pair %d: A %.1f B %.1f ns/token  B/A %.4f%n", r, ns[0][r], ns[1][r], ratio[r]);
        }
        for (int j = 0; j < 2; j++) { out[j].println("quit"); }
        double[] s = ratio.clone(); Arrays.sort(s);
        double lg = 0; int wins = 0;
        for (double x : ratio) { lg += Math.log(x); if (x < 1) wins++; }
        double[] a0 = ns[0].clone(), b0 = ns[1].clone(); Arrays.sort(a0); Arrays.sort(b0);
        System.out.printf("A %s median %.1f, B %s median %.1f ns/token%n", a[3], a0[pairs / 2], a[4], b0[pairs / 2]);
        System.out.printf("B/A: median %.4f, geomean %.4f, B faster in %d of %d pairs%n", s[pairs / 2], Math.exp(lg / pairs), wins, pairs);
    }

    static double slice(BufferedReader in, PrintWriter out) throws IOException {
        out.println("go");
        String line = in.readLine();
        return Double.parseDouble(line.trim());
    }

    static void child(String[] a) throws Throwable {
        byte[] bundle = Files.readAllBytes(Path.of(a[1]));
        long tokens = Long.parseLong(a[2]);
        URLClassLoader l = new URLClassLoader(new URL[] {Path.of(a[3]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> wf = l.loadClass("dev.wasmformer.runtime.Wasmformer");
        Object loaded = wf.getMethod("load", InputStream.class).invoke(null, new ByteArrayInputStream(bundle));
        Object program = ((List<?>) loaded.getClass().getMethod("programs").invoke(loaded)).get(0);
        Class<?> ro = l.loadClass("dev.wasmformer.runtime.RunOptions");
        Class<?> att = l.loadClass("dev.wasmformer.runtime.Attention");
        Object o = ro.getMethod("defaults").invoke(null);
        o = ro.getMethod("withArgs", long[].class).invoke(o, (Object) new long[] {21});
        o = ro.getMethod("withAttention", att).invoke(o, Enum.valueOf((Class) att, "HULL"));
        o = ro.getMethod("withMaxTokens", long.class).invoke(o, tokens);
        Method run = program.getClass().getMethod("run", ro);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        BufferedReader cmd = new BufferedReader(new InputStreamReader(System.in));
        PrintStream out = System.out;
        String c;
        while ((c = cmd.readLine()) != null && c.equals("go")) {
            long c0 = mx.getCurrentThreadCpuTime();
            try {
                run.invoke(program, o);
            } catch (InvocationTargetException e) {
                if (!e.getCause().getClass().getSimpleName().equals("TokenLimitException")) throw e.getCause();
            }
            long t = mx.getCurrentThreadCpuTime() - c0;
            out.println(t / (double) tokens);
            out.flush();
        }
    }
}
