/*
 * The C baseline of `rlgym bench`: CartPole-v1's step in a plain loop, compiled with `cc -O2` at run time.
 * Same equations and order of operations as CartPoleEnv (Gymnasium's, explicit Euler), float64 state, the float32
 * observation written every step, a reset (four uniform draws in [-0.05, 0.05) from xoshiro256**) whenever the
 * episode terminates, and actions read from a fixed pseudo-random sequence of 4096 computed before timing.
 *
 * usage: cartpole STEPS REPEATS   prints "steps_per_second <best of REPEATS>", the same per second of the process's
 * CPU time ("cpu_steps_per_second", which time spent on other processes does not lower) and a checksum.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define GRAVITY 9.8
#define MASS_CART 1.0
#define MASS_POLE 0.1
#define TOTAL_MASS (MASS_POLE + MASS_CART)
#define LENGTH 0.5
#define POLE_MASS_LENGTH (MASS_POLE * LENGTH)
#define FORCE_MAG 10.0
#define TAU 0.02
#define X_THRESHOLD 2.4
#define THETA_THRESHOLD (12 * 2 * M_PI / 360)
#define ACTIONS 4096

static uint64_t s[4];

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t next_u64(void)
{
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return result;
}

static double uniform(double low, double high) { return low + (high - low) * ((next_u64() >> 11) * (1.0 / 9007199254740992.0)); }

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

static double now(clockid_t clock)
{
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long steps = argc > 1 ? atol(argv[1]) : 10000000;
    int repeats = argc > 2 ? atoi(argv[2]) : 3;
    static int actions[ACTIONS];
    seed(12345);
    for (int i = 0; i < ACTIONS; i++) actions[i] = (int)(next_u64() >> 63);

    double best = 0, best_cpu = 0, checksum = 0;
    for (int r = 0; r < repeats; r++)
    {
        double x = uniform(-0.05, 0.05), x_dot = uniform(-0.05, 0.05), theta = uniform(-0.05, 0.05), theta_dot = uniform(-0.05, 0.05);
        float obs[4];
        double reward_sum = 0;
        long episodes = 0;
        double start = now(CLOCK_MONOTONIC), cpu_start = now(CLOCK_PROCESS_CPUTIME_ID);
        for (long i = 0; i < steps; i++)
        {
            double force = actions[i & (ACTIONS - 1)] == 1 ? FORCE_MAG : -FORCE_MAG;
            double costheta = cos(theta), sintheta = sin(theta);
            double temp = (force + POLE_MASS_LENGTH * (theta_dot * theta_dot) * sintheta) / TOTAL_MASS;
            double thetaacc = (GRAVITY * sintheta - costheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (costheta * costheta) / TOTAL_MASS));
            double xacc = temp - POLE_MASS_LENGTH * thetaacc * costheta / TOTAL_MASS;
            x = x + TAU * x_dot;
            x_dot = x_dot + TAU * xacc;
            theta = theta + TAU * theta_dot;
            theta_dot = theta_dot + TAU * thetaacc;
            obs[0] = (float)x; obs[1] = (float)x_dot; obs[2] = (float)theta; obs[3] = (float)theta_dot;
            int terminated = x < -X_THRESHOLD || x > X_THRESHOLD || theta < -THETA_THRESHOLD || theta > THETA_THRESHOLD;
            reward_sum += 1.0;
            if (terminated)
            {
                episodes++;
                x = uniform(-0.05, 0.05); x_dot = uniform(-0.05, 0.05); theta = uniform(-0.05, 0.05); theta_dot = uniform(-0.05, 0.05);
            }
        }
        double elapsed = now(CLOCK_MONOTONIC) - start, cpu = now(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
        if (steps / elapsed > best) best = steps / elapsed;
        if (steps / cpu > best_cpu) best_cpu = steps / cpu;
        checksum += reward_sum + episodes + obs[0] + obs[1] + obs[2] + obs[3];
    }
    printf("steps_per_second %.1f\ncpu_steps_per_second %.1f\nchecksum %.6f\n", best, best_cpu, checksum);
    return 0;
}
