using System.Globalization;
using System.Text;
using DiffPlex;

namespace CmuContracts.Generator.Tests.Infrastructure;

/// <summary>A unified diff (<c>---</c>/<c>+++</c>, <c>@@ -a,b +c,d @@</c> hunks, 3 lines of context) built on DiffPlex's line diff.</summary>
internal static class UnifiedDiff
{
    public static string Create(string expected, string actual, string expectedName, string actualName, int context = 3)
    {
        var a = SplitLines(expected);
        var b = SplitLines(actual);
        var blocks = new Differ().CreateLineDiffs(expected, actual, ignoreWhitespace: false, ignoreCase: false).DiffBlocks;
        var builder = new StringBuilder();
        builder.Append("--- ").Append(expectedName).Append('\n');
        builder.Append("+++ ").Append(actualName).Append('\n');

        var i = 0;
        while (i < blocks.Count)
        {
            // Group blocks whose context would overlap into one hunk.
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context)
            {
                j++;
            }

            var startA = Math.Max(0, blocks[i].DeleteStartA - context);
            var startB = Math.Max(0, blocks[i].InsertStartB - context);
            var endA = Math.Min(a.Count, blocks[j].DeleteStartA + blocks[j].DeleteCountA + context);
            var endB = Math.Min(b.Count, blocks[j].InsertStartB + blocks[j].InsertCountB + context);
            builder.Append(CultureInfo.InvariantCulture, $"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");

            var posA = startA;
            for (var k = i; k <= j; k++)
            {
                var block = blocks[k];
                for (; posA < block.DeleteStartA; posA++)
                {
                    builder.Append(' ').Append(a[posA]).Append('\n');
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    builder.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
                }

                for (var n = 0; n < block.InsertCountB; n++)
                {
                    builder.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
                }

                posA = block.DeleteStartA + block.DeleteCountA;
            }

            for (; posA < endA; posA++)
            {
                builder.Append(' ').Append(a[posA]).Append('\n');
            }

            i = j + 1;
        }

        return builder.ToString();
    }

    private static List<string> SplitLines(string text) => text.Split('\n').ToList();
}
