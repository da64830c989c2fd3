using RlGym.Core.Errors;
using RlGym.Sweeps.Journal;
using RlGym.Sweeps.Running;
using RlGym.Sweeps.Tests.Support;

namespace RlGym.Sweeps.Tests;

public sealed class JournalTests
{
    [Fact]
    public void A_line_cut_short_by_a_kill_is_dropped_and_the_journal_goes_on()
    {
        using var tmp = new TempDirectory();
        using (var j = SweepJournal.Open(tmp.Path, "abc"))
        {
            j.RecordDone("c000-s0@0", new TrialOutcome(0.25, 0.125, 100, 1234));
            j.RecordDone("c000-s1@0", new TrialOutcome(1.0 / 3, double.NaN, 100, 999));
        }
        File.AppendAllText(tmp.File(SweepJournal.FileName), "{\"done\":\"c001-s0@0\",\"final_ret");
        using (var j = SweepJournal.Open(tmp.Path, "abc"))
        {
            Assert.Equal(2, j.Done.Count);
            Assert.Equal(1.0 / 3, j.Done["c000-s1@0"].FinalReturn);
            Assert.True(double.IsNaN(j.Done["c000-s1@0"].Auc));
            j.RecordDone("c001-s0@0", new TrialOutcome(0.5, 0.5, 100, 1));
        }
        using var again = SweepJournal.Open(tmp.Path, "abc");
        Assert.Equal(3, again.Done.Count);
        Assert.Equal(new TrialOutcome(0.25, 0.125, 100, 1234), again.Done["c000-s0@0"]);
    }

    [Fact]
    public void A_journal_of_another_sweep_file_is_refused()
    {
        using var tmp = new TempDirectory();
        SweepJournal.Open(tmp.Path, "abc").Dispose();
        var e = Assert.Throws<UserInputException>(() => SweepJournal.Open(tmp.Path, "def"));
        Assert.Contains("holds a sweep of another sweep file", e.Message);
    }
}
