using GanNotebooks.Family;

namespace GanNotebooks.Tests.Family;

public sealed class CodeAssignmentTests
{
    [Fact]
    public void A_permuted_code_is_matched_back_to_its_classes_with_full_accuracy()
    {
        int[] codeOfClass = [3, 7, 0, 9, 1, 5, 8, 2, 6, 4];
        var classes = Enumerable.Range(0, 200).Select(i => (long)(i % 10)).ToArray();
        var codes = classes.Select(c => (long)codeOfClass[c]).ToArray();
        var match = CodeAssignment.Best(codes, classes, 10);
        Assert.Equal(1.0, match.Accuracy);
        for (int c = 0; c < 10; c++) Assert.Equal(c, match.ClassOfCode[codeOfClass[c]]);
    }

    [Fact]
    public void Samples_off_the_best_match_count_as_wrong()
    {
        // Code 0 holds 3 of class 1 and 1 of class 0; code 1 holds 2 of class 0. Best match: 0 → 1, 1 → 0, 5 of 6 right.
        long[] codes = [0, 0, 0, 0, 1, 1];
        long[] classes = [1, 1, 1, 0, 0, 0];
        var match = CodeAssignment.Best(codes, classes, 2);
        Assert.Equal([1, 0], match.ClassOfCode);
        Assert.Equal(5 / 6.0, match.Accuracy, 12);
    }

    [Fact]
    public void The_matching_is_as_good_as_trying_every_permutation()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 30; trial++)
        {
            int n = 2 + trial % 5;
            var counts = new long[n, n];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                    counts[i, j] = random.Next(0, 20);
            var match = CodeAssignment.MaximumMatching(counts);
            Assert.Equal(n, match.Distinct().Count());
            long found = Enumerable.Range(0, n).Sum(i => counts[i, match[i]]);
            Assert.Equal(BestByTryingAll(counts), found);
        }
    }

    [Fact]
    public void Codes_outside_the_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CodeAssignment.Best([0, 2], [0, 1], 2));
        Assert.Throws<ArgumentException>(() => CodeAssignment.Best([0, 1], [0], 2));
    }

    private static long BestByTryingAll(long[,] counts)
    {
        int n = counts.GetLength(0);
        long best = long.MinValue;
        void Search(int row, bool[] used, long sum)
        {
            if (row == n) { best = Math.Max(best, sum); return; }
            for (int j = 0; j < n; j++)
            {
                if (used[j]) continue;
                used[j] = true;
                Search(row + 1, used, sum + counts[row, j]);
                used[j] = false;
            }
        }
        Search(0, new bool[n], 0);
        return best;
    }
}
