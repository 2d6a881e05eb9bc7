// Draws the Teams app icons: `dotnet run deploy/teams/draw-icons.cs` (from the repository root) rewrites
// deploy/teams/color.png (192×192, full colour) and deploy/teams/outline.png (32×32, white on transparent).
// A tiny PNG writer (RGBA, zlib, CRC-32) and 4×4 supersampling: no imaging package needed.
using System.IO.Compression;

var folder = args.Length > 0 ? args[0] : Path.Combine("deploy", "teams");
File.WriteAllBytes(Path.Combine(folder, "color.png"), Png.Encode(192, 192, Icons.Color));
File.WriteAllBytes(Path.Combine(folder, "outline.png"), Png.Encode(32, 32, Icons.Outline));
Console.WriteLine($"wrote {folder}/color.png and {folder}/outline.png");

static class Icons
{
    private static readonly Rgba Accent = new(0x2E, 0x5E, 0x8C, 255);
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly Rgba Line = new(0x9F, 0xB8, 0xD0, 255);
    private static readonly Rgba Green = new(0x2E, 0xA0, 0x5A, 255);

    /// <summary>A white guideline page with text lines on the accent colour, and a green "checked" badge.</summary>
    public static Rgba Color(double x, double y)
    {
        var c = Accent;
        c = Over(c, White, RoundedRect(x, y, 36, 24, 112, 140, 10));
        for (var i = 0; i < 5; i++)
        {
            c = Over(c, Line, RoundedRect(x, y, 54, 50 + i * 18, i == 4 ? 44 : 76, 7, 3.5));
        }

        c = Over(c, Accent, Circle(x, y, 136, 138, 36));
        c = Over(c, Green, Circle(x, y, 136, 138, 30));
        c = Over(c, White, Stroke(x, y, [(120, 139), (131, 150), (152, 126)], 6));
        return c;
    }

    /// <summary>The same page and check, as white outlines on transparent (Teams tints it).</summary>
    public static Rgba Outline(double x, double y)
    {
        var page = Math.Max(RoundedRect(x, y, 7, 4, 18, 24, 2.5) - RoundedRect(x, y, 9, 6, 14, 20, 1), 0);
        var lines = 0.0;
        for (var i = 0; i < 3; i++)
        {
            lines = Math.Max(lines, RoundedRect(x, y, 11, 10 + i * 4, i == 2 ? 6 : 10, 2, 1));
        }

        var ring = Math.Max(Circle(x, y, 23, 23, 7.5) - Circle(x, y, 23, 23, 5.5), 0);
        var hole = Circle(x, y, 23, 23, 7.5);
        var check = Stroke(x, y, [(19.8, 23.2), (22.2, 25.6), (26.4, 20.6)], 1.8);
        var coverage = Math.Max(Math.Max(page, lines) * (1 - hole), Math.Max(ring, check));
        return new Rgba(255, 255, 255, (byte)Math.Round(255 * Math.Clamp(coverage, 0, 1)));
    }

    private static Rgba Over(Rgba under, Rgba over, double coverage)
    {
        var a = Math.Clamp(coverage, 0, 1) * over.A / 255.0;
        return new Rgba(Mix(under.R, over.R, a), Mix(under.G, over.G, a), Mix(under.B, over.B, a), (byte)Math.Max(under.A, Math.Round(a * 255)));
    }

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t);

    // Each shape returns the coverage (0 or 1) of the sample point; Png averages 16 samples per pixel.
    private static double RoundedRect(double x, double y, double left, double top, double width, double height, double radius)
    {
        var cx = Math.Clamp(x, left + radius, left + width - radius);
        var cy = Math.Clamp(y, top + radius, top + height - radius);
        return x >= left && x <= left + width && y >= top && y <= top + height && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius ? 1 : 0;
    }

    private static double Circle(double x, double y, double cx, double cy, double r) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r ? 1 : 0;

    private static double Stroke(double x, double y, (double X, double Y)[] points, double width)
    {
        for (var i = 0; i + 1 < points.Length; i++)
        {
            var (ax, ay) = points[i];
            var (bx, by) = points[i + 1];
            var t = Math.Clamp(((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) * (bx - ax) + (by - ay) * (by - ay)), 0, 1);
            var dx = x - (ax + t * (bx - ax));
            var dy = y - (ay + t * (by - ay));
            if (dx * dx + dy * dy <= width * width / 4)
            {
                return 1;
            }
        }

        return 0;
    }
}

readonly record struct Rgba(byte R, byte G, byte B, byte A);

static class Png
{
    public static byte[] Encode(int width, int height, Func<double, double, Rgba> paint)
    {
        var raw = new byte[height * (1 + width * 4)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + width * 4); // filter byte 0 (None)
            for (var x = 0; x < width; x++)
            {
                double r = 0, g = 0, b = 0, a = 0;
                for (var sy = 0; sy < 4; sy++)
                {
                    for (var sx = 0; sx < 4; sx++)
                    {
                        var c = paint(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
                        r += c.R * c.A;
                        g += c.G * c.A;
                        b += c.B * c.A;
                        a += c.A;
                    }
                }

                var p = row + 1 + x * 4;
                raw[p] = a == 0 ? (byte)0 : (byte)Math.Round(r / a);
                raw[p + 1] = a == 0 ? (byte)0 : (byte)Math.Round(g / a);
                raw[p + 2] = a == 0 ? (byte)0 : (byte)Math.Round(b / a);
                raw[p + 3] = (byte)Math.Round(a / 16);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteUInt32(header, 0, (uint)width);
        WriteUInt32(header, 4, (uint)height);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                z.Write(raw);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        WriteUInt32(length, 0, (uint)data.Length);
        png.Write(length);
        var typed = new byte[4 + data.Length];
        System.Text.Encoding.ASCII.GetBytes(type, typed);
        data.CopyTo(typed, 4);
        png.Write(typed);
        var crc = new byte[4];
        WriteUInt32(crc, 0, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
