namespace GanNotebooks.Family;

/// <summary>
/// The best one-to-one match of an unsupervised code (InfoGAN's categorical code, a cluster index) to the true
/// classes, and the accuracy under it. The code is learned without labels, so code 3 may stand for digit 7: the
/// accuracy counts a sample as right when its code is matched to its class, with the matching that maximises the
/// number of right samples (the assignment problem, solved by the Hungarian algorithm in O(K³)).
/// Introduced in notebook 08-gan-family.
/// </summary>
/// <param name="ClassOfCode">For each code value, the class it is matched to.</param>
/// <param name="Accuracy">The share of samples whose code is matched to their class.</param>
public sealed record CodeAssignment(IReadOnlyList<int> ClassOfCode, double Accuracy)
{
    /// <summary>
    /// Matches <paramref name="codes"/> to <paramref name="classes"/> (same length, values 0 … <paramref name="count"/> − 1,
    /// the same number of code values as classes).
    /// </summary>
    public static CodeAssignment Best(IReadOnlyList<long> codes, IReadOnlyList<long> classes, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "there must be at least one class");
        if (codes.Count != classes.Count)
            throw new ArgumentException($"{codes.Count} codes but {classes.Count} classes: give one of each per sample.", nameof(classes));
        if (codes.Count == 0) throw new ArgumentException("no samples.", nameof(codes));
        var counts = new long[count, count];
        for (int i = 0; i < codes.Count; i++)
        {
            if (codes[i] < 0 || codes[i] >= count) throw new ArgumentOutOfRangeException(nameof(codes), codes[i], $"codes must be in 0 … {count - 1}");
            if (classes[i] < 0 || classes[i] >= count) throw new ArgumentOutOfRangeException(nameof(classes), classes[i], $"classes must be in 0 … {count - 1}");
            counts[codes[i], classes[i]]++;
        }
        var classOfCode = MaximumMatching(counts);
        long right = 0;
        for (int code = 0; code < count; code++) right += counts[code, classOfCode[code]];
        return new CodeAssignment(classOfCode, right / (double)codes.Count);
    }

    /// <summary>
    /// The Hungarian algorithm (potentials and augmenting shortest paths) on the cost −counts: for each row the column
    /// it is matched to, maximising the summed counts of the matched cells.
    /// </summary>
    internal static int[] MaximumMatching(long[,] counts)
    {
        int n = counts.GetLength(0);
        var u = new long[n + 1];
        var v = new long[n + 1];
        var rowOfColumn = new int[n + 1];   // 1-based; 0 = unmatched
        var way = new int[n + 1];
        for (int row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            int column = 0;
            var minimum = Enumerable.Repeat(long.MaxValue, n + 1).ToArray();
            var used = new bool[n + 1];
            do
            {
                used[column] = true;
                int current = rowOfColumn[column], next = 0;
                long delta = long.MaxValue;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j]) continue;
                    long reduced = -counts[current - 1, j - 1] - u[current] - v[j];
                    if (reduced < minimum[j]) { minimum[j] = reduced; way[j] = column; }
                    if (minimum[j] < delta) { delta = minimum[j]; next = j; }
                }
                for (int j = 0; j <= n; j++)
                {
                    if (used[j]) { u[rowOfColumn[j]] += delta; v[j] -= delta; }
                    else minimum[j] -= delta;
                }
                column = next;
            } while (rowOfColumn[column] != 0);
            do
            {
                int previous = way[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            } while (column != 0);
        }
        var columnOfRow = new int[n];
        for (int j = 1; j <= n; j++) columnOfRow[rowOfColumn[j] - 1] = j - 1;
        return columnOfRow;
    }
}
