import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws CreditDesk's icon (a gauge: green, amber and red arcs, a needle below the threshold) and
 * writes it in each platform's format: creditdesk.png (Linux, 256 px), creditdesk.ico (Windows:
 * 16, 32, 48, 256 px, PNG entries) and creditdesk.icns (macOS: 128, 256, 512, 1024 px, PNG
 * entries). Run once when the icon changes: java packaging/icons/MakeIcons.java packaging/icons
 */
public final class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        ImageIO.write(draw(256), "png", out.resolve("creditdesk.png").toFile());
        Files.write(out.resolve("creditdesk.ico"), ico(new int[] {16, 32, 48, 256}));
        Files.write(out.resolve("creditdesk.icns"), icns());
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f4e79), 0, (float) s, new Color(0x12304d)));
        g.fill(new RoundRectangle2D.Double(s * 0.04, s * 0.04, s * 0.92, s * 0.92, s * 0.22, s * 0.22));
        double r = s * 0.32;
        double cx = s / 2;
        double cy = s * 0.62;
        float width = (float) Math.max(2, s * 0.09);
        g.setStroke(new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        Color[] colors = {new Color(0x3fb56b), new Color(0xf2b134), new Color(0xe0533d)};
        double[][] arcs = {{180, -95}, {85, -40}, {45, -45}};
        for (int i = 0; i < 3; i++) {
            g.setColor(colors[i]);
            g.draw(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, arcs[i][0], arcs[i][1], Arc2D.OPEN));
        }
        double angle = Math.toRadians(180 - 60);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1.5, s * 0.045), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx, cy, cx + Math.cos(angle) * r * 0.9, cy - Math.sin(angle) * r * 0.9));
        double hub = Math.max(2, s * 0.07);
        g.fill(new java.awt.geom.Ellipse2D.Double(cx - hub / 2, cy - hub / 2, hub, hub));
        g.setColor(new Color(255, 255, 255, 200));
        g.setStroke(new BasicStroke((float) Math.max(1, s * 0.03), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(s * 0.27, s * 0.78, s * 0.73, s * 0.78));
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", bytes);
        return bytes.toByteArray();
    }

    /** An ICO file of PNG entries (Windows Vista and later read them). */
    static byte[] ico(int[] sizes) throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : sizes) {
            images.add(png(size));
        }
        int offset = 6 + 16 * sizes.length;
        ByteBuffer out = ByteBuffer.allocate(offset + images.stream().mapToInt(b -> b.length).sum()).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            out.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            out.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            out.putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        images.forEach(out::put);
        return out.array();
    }

    /** An ICNS file of PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024 px. */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream entries = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(sizes[i]);
            entries.writeBytes(types[i]);
            entries.writeInt(8 + image.length);
            entries.write(image);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(file);
        out.writeBytes("icns");
        out.writeInt(8 + body.size());
        out.write(body.toByteArray());
        return file.toByteArray();
    }
}
