package dev.wasmformer.cli;

import dev.wasmformer.cli.BenchReport.Decode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws tokens/s against trace length (both logarithmic) for the hull and naive runs. */
final class BenchPlot {
  private static final int WIDTH = 820;
  private static final int HEIGHT = 520;
  private static final int LEFT = 90;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 70;

  private BenchPlot() {}

  static void write(BenchReport report, Path file) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    List<Decode> runs = new ArrayList<>();
    for (Decode d : report.runs()) {
      if (d.tokens() > 0 && d.seconds() > 0) runs.add(d);
    }
    double xMin = Math.log10(1_000);
    double xMax = Math.log10(20_000_000);
    double yMin = 1;
    double yMax = 7;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(new Color(225, 225, 225));
    for (int e = (int) yMin; e <= yMax; e++) {
      int y = y(e, yMin, yMax);
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
    }
    for (int e = 3; e <= 7; e++) {
      int x = x(e, xMin, xMax);
      g.drawLine(x, TOP, x, HEIGHT - BOTTOM);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    for (int e = (int) yMin; e <= yMax; e++) {
      g.drawString(label(e), LEFT - 45, y(e, yMin, yMax) + 4);
    }
    for (int e = 3; e <= 7; e++) {
      g.drawString(label(e), x(e, xMin, xMax) - 12, HEIGHT - BOTTOM + 18);
    }
    g.drawString("trace length (generated tokens)", WIDTH / 2 - 90, HEIGHT - 25);
    g.rotate(-Math.PI / 2);
    g.drawString("tokens per second", -HEIGHT / 2 - 50, 25);
    g.rotate(Math.PI / 2);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(String.format(Locale.ROOT, "wasmformer decode speed, %s(%d), one thread",
        report.program(), report.argument()), LEFT, 30);
    // The target: 1M tokens/s.
    g.setColor(new Color(200, 60, 60));
    g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
    int target = y(6, yMin, yMax);
    g.drawLine(LEFT, target, WIDTH - RIGHT, target);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString("target 1M tokens/s", WIDTH - RIGHT - 120, target - 6);
    series(g, runs, "hull", new Color(30, 90, 200), xMin, xMax, yMin, yMax, 0);
    series(g, runs, "naive", new Color(230, 130, 20), xMin, xMax, yMin, yMax, 1);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void series(Graphics2D g, List<Decode> runs, String attention, Color color,
                             double xMin, double xMax, double yMin, double yMax, int row) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2.5f));
    int previousX = -1;
    int previousY = -1;
    for (Decode d : runs) {
      if (!d.attention().equals(attention)) continue;
      int x = x(Math.log10(d.tokens()), xMin, xMax);
      int y = y(Math.log10(Math.max(10, d.tokensPerSecond())), yMin, yMax);
      g.fillOval(x - 4, y - 4, 8, 8);
      if (previousX >= 0) g.drawLine(previousX, previousY, x, y);
      previousX = x;
      previousY = y;
    }
    g.fillRect(LEFT + 15, TOP + 15 + 18 * row, 14, 4);
    g.drawString(attention + " cache", LEFT + 35, TOP + 21 + 18 * row);
  }

  private static int x(double log, double min, double max) {
    return LEFT + (int) Math.round((log - min) / (max - min) * (WIDTH - LEFT - RIGHT));
  }

  private static int y(double log, double min, double max) {
    return HEIGHT - BOTTOM - (int) Math.round((log - min) / (max - min) * (HEIGHT - TOP - BOTTOM));
  }

  private static String label(int exponent) {
    return switch (exponent) {
      case 1 -> "10";
      case 2 -> "100";
      case 3 -> "1K";
      case 4 -> "10K";
      case 5 -> "100K";
      case 6 -> "1M";
      case 7 -> "10M";
      default -> "1e" + exponent;
    };
  }
}
