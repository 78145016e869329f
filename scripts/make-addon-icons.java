// Derives the Home Assistant add-on's icon.png (128x128) and logo.png (250x100) from the music
// skill's store icon, offline; run by scripts/make-addon-icons.
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

public class MakeAddonIcons {
    public static void main(String[] args) throws Exception {
        BufferedImage source = ImageIO.read(new File("skill-package/music/assets/images/icon-512.png"));
        File dir = new File("connector/ha-addon");
        BufferedImage icon = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = icon.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(source, 0, 0, 128, 128, null);
        g.dispose();
        ImageIO.write(icon, "png", new File(dir, "icon.png"));
        BufferedImage logo = new BufferedImage(250, 100, BufferedImage.TYPE_INT_ARGB);
        g = logo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.drawImage(source, 4, 4, 92, 92, null);
        g.setColor(new Color(0x20, 0x2a, 0x44));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("Music Assistant", 104, 45);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        g.drawString("for Alexa", 104, 70);
        g.dispose();
        ImageIO.write(logo, "png", new File(dir, "logo.png"));
    }
}
