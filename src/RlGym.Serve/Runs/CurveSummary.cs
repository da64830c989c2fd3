namespace RlGym.Serve.Runs;

/// <summary>
/// A run's learning curve reduced as rows arrive, so memory stays bounded however fast and long the run grows: at
/// most <see cref="MaxBuckets"/> buckets of consecutive episodes, each keeping its last episode, the min and max
/// return in it and the trailing moving average at its end; and at most <see cref="MaxBuckets"/> evaluations. When
/// either fills, neighbours merge and the bucket doubles.
/// </summary>
internal sealed class CurveSummary(int window)
{
    public const int MaxBuckets = 600;

    private readonly double[] _recent = new double[Math.Max(1, window)];
    private double _sum;
    private long _seen;
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity;
    private int _inBucket;
    private double _lastX;
    private readonly List<double> _x = [], _lo = [], _hi = [], _avg = [];
    private readonly List<double> _evalX = [], _evalY = [];
    private int _evalStride = 1, _evalSkipped;

    public int Window => _recent.Length;

    /// <summary>Numbers held for the chart besides the moving-average window: what must not grow with the run.</summary>
    public int Retained => _x.Count + _lo.Count + _hi.Count + _avg.Count + _evalX.Count + _evalY.Count;
    public int BucketSize { get; private set; } = 1;

    public void Add(int episode, double value, double? eval)
    {
        int slot = (int)(_seen % _recent.Length);
        if (_seen >= _recent.Length) _sum -= _recent[slot];
        _recent[slot] = value;
        _sum += value;
        _seen++;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        _lastX = episode + 1;
        if (eval is { } e && ++_evalSkipped >= _evalStride)
        {
            _evalSkipped = 0;
            _evalX.Add(episode + 1);
            _evalY.Add(e);
            if (_evalX.Count >= 2 * MaxBuckets)
            {
                Halve(_evalX, keepOdd: true);
                Halve(_evalY, keepOdd: true);
                _evalStride *= 2;
            }
        }
        if (++_inBucket < BucketSize) return;
        CloseBucket();
        if (_x.Count >= 2 * MaxBuckets)
        {
            for (int i = 0; i < _x.Count / 2; i++)
            {
                _x[i] = _x[2 * i + 1];
                _lo[i] = Math.Min(_lo[2 * i], _lo[2 * i + 1]);
                _hi[i] = Math.Max(_hi[2 * i], _hi[2 * i + 1]);
                _avg[i] = _avg[2 * i + 1];
            }
            int half = _x.Count / 2;
            foreach (var list in new[] { _x, _lo, _hi, _avg }) list.RemoveRange(half, list.Count - half);
            BucketSize *= 2;
        }
    }

    private static void Halve(List<double> list, bool keepOdd)
    {
        int half = list.Count / 2;
        for (int i = 0; i < half; i++) list[i] = list[2 * i + (keepOdd ? 1 : 0)];
        list.RemoveRange(half, list.Count - half);
    }

    private void CloseBucket()
    {
        if (_inBucket == 0) return;
        _x.Add(_lastX);
        _lo.Add(_min);
        _hi.Add(_max);
        _avg.Add(_sum / Math.Min(_seen, _recent.Length));
        (_min, _max, _inBucket) = (double.PositiveInfinity, double.NegativeInfinity, 0);
    }

    /// <summary>A copy to draw from, the open bucket included.</summary>
    public CurvePoints Snapshot()
    {
        var x = new List<double>(_x); var lo = new List<double>(_lo); var hi = new List<double>(_hi); var avg = new List<double>(_avg);
        if (_inBucket > 0)
        {
            x.Add(_lastX); lo.Add(_min); hi.Add(_max); avg.Add(_sum / Math.Min(_seen, _recent.Length));
        }
        return new CurvePoints([.. x], [.. lo], [.. hi], [.. avg], [.. _evalX], [.. _evalY], BucketSize, Window);
    }
}

/// <summary>What a learning-curve chart draws.</summary>
internal sealed record CurvePoints(double[] X, double[] Min, double[] Max, double[] Average, double[] EvalX, double[] EvalY,
    int BucketSize, int Window);
