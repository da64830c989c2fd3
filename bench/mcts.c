/*
 * The C baseline of `rlgym bench` for tree search: plain UCT Monte Carlo tree search on tic-tac-toe and Connect Four
 * (6x7), compiled with `cc -O2` at run time. The same algorithm as MctsPlayer with solver=false and
 * tactical_rollouts=false: from the empty board, each simulation selects through fully expanded nodes by
 * W/n + c sqrt(ln N / n) (c = sqrt 2), expands one untried move chosen at random, plays uniformly random moves to the
 * end, and backs the result up (1 a win, 1/2 a draw, for the player who moved into each node). Nodes live in arrays
 * allocated once; positions are bitboards (Connect Four: column c, height h is bit 7c + h, a sentinel bit on top).
 * Random numbers: xoshiro256**, bounded by Lemire's multiply-shift.
 *
 * usage: mcts SIMULATIONS_PER_SEARCH TOTAL_SIMULATIONS REPEATS   prints, per game, "<game>_simulations_per_second"
 * (best of REPEATS, wall clock), "<game>_cpu_simulations_per_second" (per second of process CPU time) and a checksum.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { uint64_t first, second; int8_t winner; uint8_t plies; } State;

static uint64_t s[4];
static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static uint64_t next_u64(void)
{
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return result;
}
static int next_int(int n) { return (int)(((unsigned __int128)next_u64() * (uint64_t)n) >> 64); }
static void seed(uint64_t x)
{
    for (int i = 0; i < 4; i++)
    {
        uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        s[i] = z ^ (z >> 31);
    }
}
/* The k-th set bit of a mask (k from 0). */
static int nth_bit(uint64_t mask, int k)
{
    while (k-- > 0) mask &= mask - 1;
    return __builtin_ctzll(mask);
}

/* Tic-tac-toe: cell r*3+c. */
static const uint16_t LINES[8] = { 0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054 };
static int ttt_over(const State *p) { return p->winner >= 0 || p->plies == 9; }
static uint64_t ttt_legal(const State *p) { return p->winner >= 0 ? 0 : ~(p->first | p->second) & 0x1FF; }
static State ttt_play(const State *p, int a)
{
    State n = *p;
    uint64_t *mine = (p->plies & 1) ? &n.second : &n.first;
    *mine |= 1ULL << a;
    for (int i = 0; i < 8; i++)
        if ((*mine & LINES[i]) == LINES[i]) { n.winner = p->plies & 1; break; }
    n.plies++;
    return n;
}

/* Connect Four. */
static int c4_four(uint64_t b)
{
    static const int shifts[4] = { 1, 7, 6, 8 };
    for (int i = 0; i < 4; i++)
    {
        uint64_t m = b & (b >> shifts[i]);
        if (m & (m >> (2 * shifts[i]))) return 1;
    }
    return 0;
}
static int c4_over(const State *p) { return p->winner >= 0 || p->plies == 42; }
static uint64_t c4_legal(const State *p)
{
    if (p->winner >= 0) return 0;
    uint64_t mask = p->first | p->second, legal = 0;
    for (int c = 0; c < 7; c++)
        if (!(mask & (1ULL << (7 * c + 5)))) legal |= 1ULL << c;
    return legal;
}
static State c4_play(const State *p, int a)
{
    State n = *p;
    uint64_t mask = p->first | p->second;
    uint64_t bit = (mask + (1ULL << (7 * a))) & (0x3FULL << (7 * a));
    uint64_t *mine = (p->plies & 1) ? &n.second : &n.first;
    *mine |= bit;
    if (c4_four(*mine)) n.winner = p->plies & 1;
    n.plies++;
    return n;
}

/* The tree, allocated once. */
static State *st;
static int *parent, *first_child, *next_sibling, *visits;
static double *wins;
static uint64_t *untried;
static int count;

#define DEFINE_SEARCH(NAME, OVER, LEGAL, PLAY)                                                                   \
    static int new_node_##NAME(State p, int par)                                                                 \
    {                                                                                                            \
        int i = count++;                                                                                         \
        st[i] = p; parent[i] = par; first_child[i] = -1; visits[i] = 0; wins[i] = 0;                             \
        untried[i] = OVER(&p) ? 0 : LEGAL(&p);                                                                   \
        if (par >= 0) { next_sibling[i] = first_child[par]; first_child[par] = i; } else next_sibling[i] = -1;  \
        return i;                                                                                                \
    }                                                                                                            \
    static int search_##NAME(int simulations)                                                                    \
    {                                                                                                            \
        State root = { 0, 0, -1, 0 };                                                                            \
        count = 0;                                                                                               \
        new_node_##NAME(root, -1);                                                                               \
        const double c = sqrt(2.0);                                                                              \
        for (int sim = 0; sim < simulations; sim++)                                                              \
        {                                                                                                        \
            int node = 0;                                                                                        \
            while (untried[node] == 0 && first_child[node] >= 0)                                                 \
            {                                                                                                    \
                double log_n = log((double)visits[node]), best_score = -INFINITY;                                \
                int best = -1;                                                                                   \
                for (int ch = first_child[node]; ch >= 0; ch = next_sibling[ch])                                 \
                {                                                                                                \
                    double score = wins[ch] / visits[ch] + c * sqrt(log_n / visits[ch]);                         \
                    if (score > best_score) { best_score = score; best = ch; }                                   \
                }                                                                                                \
                node = best;                                                                                     \
            }                                                                                                    \
            if (untried[node] != 0)                                                                              \
            {                                                                                                    \
                int a = nth_bit(untried[node], next_int(__builtin_popcountll(untried[node])));                  \
                untried[node] &= ~(1ULL << a);                                                                   \
                node = new_node_##NAME(PLAY(&st[node], a), node);                                                \
            }                                                                                                    \
            State p = st[node];                                                                                  \
            while (!OVER(&p))                                                                                    \
            {                                                                                                    \
                uint64_t legal = LEGAL(&p);                                                                      \
                p = PLAY(&p, nth_bit(legal, next_int(__builtin_popcountll(legal))));                            \
            }                                                                                                    \
            int winner = p.winner;                                                                               \
            for (; node >= 0; node = parent[node])                                                               \
            {                                                                                                    \
                visits[node]++;                                                                                  \
                int mover = 1 - (st[node].plies & 1);                                                            \
                wins[node] += winner < 0 ? 0.5 : winner == mover ? 1.0 : 0.0;                                    \
            }                                                                                                    \
        }                                                                                                        \
        int best = -1, best_visits = -1;                                                                         \
        for (int ch = first_child[0]; ch >= 0; ch = next_sibling[ch])                                            \
            if (visits[ch] > best_visits) { best_visits = visits[ch]; best = ch; }                               \
        return best;                                                                                             \
    }

DEFINE_SEARCH(ttt, ttt_over, ttt_legal, ttt_play)
DEFINE_SEARCH(c4, c4_over, c4_legal, c4_play)

static double now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void measure(const char *name, int (*search)(int), int per_search, long total, int repeats)
{
    long checksum = 0, searches = total / per_search;
    for (int w = 0; w < 20; w++) checksum += search(per_search);
    double best = 0, best_cpu = 0;
    for (int r = 0; r < repeats; r++)
    {
        double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
        for (long i = 0; i < searches; i++) checksum += search(per_search);
        double wall = now(CLOCK_MONOTONIC) - t0, cpu = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
        double rate = searches * (double)per_search / wall, cpu_rate = searches * (double)per_search / cpu;
        if (rate > best) best = rate;
        if (cpu_rate > best_cpu) best_cpu = cpu_rate;
    }
    printf("%s_simulations_per_second %.1f\n%s_cpu_simulations_per_second %.1f\n%s_checksum %ld\n", name, best, name, best_cpu, name, checksum);
}

int main(int argc, char **argv)
{
    if (argc != 4) { fprintf(stderr, "usage: mcts SIMULATIONS_PER_SEARCH TOTAL_SIMULATIONS REPEATS\n"); return 2; }
    int per_search = atoi(argv[1]), repeats = atoi(argv[3]);
    long total = atol(argv[2]);
    if (per_search < 1 || total < per_search || repeats < 1) { fprintf(stderr, "mcts: arguments out of range\n"); return 2; }
    int capacity = per_search + 1;
    st = malloc(sizeof(State) * capacity);
    parent = malloc(sizeof(int) * capacity); first_child = malloc(sizeof(int) * capacity);
    next_sibling = malloc(sizeof(int) * capacity); visits = malloc(sizeof(int) * capacity);
    wins = malloc(sizeof(double) * capacity); untried = malloc(sizeof(uint64_t) * capacity);
    seed(12345);
    measure("tictactoe", search_ttt, per_search, total, repeats);
    measure("connectfour", search_c4, per_search, total, repeats);
    return 0;
}
