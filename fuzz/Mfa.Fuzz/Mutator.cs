namespace Mfa.Fuzz;

/// <summary>AFL-like havoc mutations for the in-process smoke run (no AFL needed): flips, interesting values, splices.</summary>
internal static class Mutator
{
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1f, 0x5f, 0x9f, 0xbf, 0xf6, 0xf7, 0xfb, (byte)'"', (byte)'{', (byte)'%', (byte)'='];

    public static byte[] Mutate(byte[] original, Random random)
    {
        var data = new List<byte>(original);
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = s_interesting[random.Next(s_interesting.Length)];
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + random.Next(8)));
                    break;
                case 3:
                    data.Insert(at, s_interesting[random.Next(s_interesting.Length)]);
                    break;
                case 4 when data.Count > 0:
                    var length = Math.Min(data.Count - at, 1 + random.Next(16));
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                default:
                    if (data.Count > 0)
                    {
                        data[at] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return [.. data];
    }
}
