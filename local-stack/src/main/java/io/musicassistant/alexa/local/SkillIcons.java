package io.musicassistant.alexa.local;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the skills' store icons (108 and 512 px PNG, as the skill manifest requires) so that they
 * are the project's own and can be redrawn: {@code java … SkillIcons skill-package}. The music skill
 * shows a note, the control skill a note with sound waves; both on the same gradient.
 */
public final class SkillIcons {

    private SkillIcons() {}

    public static void main(String[] args) throws IOException {
        Path packages = Path.of(args.length > 0 ? args[0] : "skill-package");
        for (String skill : new String[] {"music", "control"}) {
            Path dir = packages.resolve(skill).resolve("assets/images");
            Files.createDirectories(dir);
            for (int size : new int[] {108, 512}) {
                Path file = dir.resolve("icon-" + size + ".png");
                ImageIO.write(draw(size, skill.equals("control")), "png", file.toFile());
                System.out.println("wrote " + file);
            }
        }
    }

    static BufferedImage draw(int size, boolean waves) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, new Color(0x03, 0xA9, 0xF4), size, size, new Color(0x1A, 0x23, 0x7E)));
        g.fill(new RoundRectangle2D.Double(0, 0, s, s, s * 0.22, s * 0.22));
        g.setColor(Color.WHITE);
        double x = waves ? s * 0.30 : s * 0.38;
        // An eighth-note pair: two heads, two stems, a beam.
        g.fill(new Ellipse2D.Double(x - s * 0.10, s * 0.62, s * 0.16, s * 0.12));
        g.fill(new Ellipse2D.Double(x + s * 0.16, s * 0.56, s * 0.16, s * 0.12));
        g.fill(new Rectangle2D.Double(x + s * 0.045, s * 0.26, s * 0.035, s * 0.42));
        g.fill(new Rectangle2D.Double(x + s * 0.295, s * 0.20, s * 0.035, s * 0.42));
        g.fill(new java.awt.Polygon(
                new int[] {(int) (x + s * 0.045), (int) (x + s * 0.33), (int) (x + s * 0.33), (int) (x + s * 0.045)},
                new int[] {(int) (s * 0.26), (int) (s * 0.20), (int) (s * 0.29), (int) (s * 0.35)},
                4));
        if (waves) {
            g.setStroke(new BasicStroke((float) (s * 0.035), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 2; i++) {
                double r = s * (0.14 + i * 0.10);
                double cx = s * 0.70;
                double cy = s * 0.45;
                g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, -50, 100, Arc2D.OPEN));
            }
        }
        g.dispose();
        return image;
    }
}
