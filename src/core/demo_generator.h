// Deterministic demo and benchmark workspaces. Same seed -> same workspace -> same saved bytes, natively
// and in WebAssembly: the random numbers come from std::mt19937_64 (its output is fixed by the standard)
// and every distribution and every log/exp below is computed here with plain IEEE arithmetic, because
// std::*_distribution and libm differ between libstdc++/glibc and libc++/musl (Emscripten).
#pragma once
#include <cstdint>
#include <random>

#include "core/workspace.h"

namespace lcs {

// Correctly reproducible natural log and exp (within ~1 ulp of the true value, identical on every
// IEEE-754 platform). det_log: x > 0. det_exp: any x (underflows to 0, overflows to +inf).
double det_log(double x);
double det_exp(double x);

class DeterministicRandom {
public:
    explicit DeterministicRandom(uint64_t seed) : engine_(seed) {}
    double uniform();                              // [0, 1), 53 random bits
    double uniform(double low, double high);       // [low, high)
    int uniform_int(int low, int high);            // low..high inclusive; precondition low <= high
    bool chance(double probability);               // true with the given probability
    double exponential(double rate);               // rate > 0; mean 1/rate
    double normal(double mean, double sd);         // Marsaglia polar method
    double gamma(double shape, double scale);      // shape, scale > 0 (Marsaglia-Tsang); mean shape*scale
    double beta(double a, double b);               // a, b > 0, via two gammas
    int poisson(double mean);                      // mean >= 0 (counts unit-rate arrivals; for mean < ~100)
    // Index drawn with probability proportional to weights[i] (weights >= 0, sum > 0).
    template <typename Container>
    std::size_t pick_weighted(const Container& weights) {
        double total = 0;
        for (double w : weights) total += w;
        double target = uniform() * total;
        std::size_t i = 0;
        for (double w : weights) {
            if (target < w) return i;
            target -= w;
            ++i;
        }
        return i - 1;
    }

private:
    std::mt19937_64 engine_;
};

// An online shop: ~`customers` buyers acquired over 2023-2024 (as_of 2024-12-31) with BG/NBD-like
// repeat buying (gamma purchase rates, beta dropout after each purchase), gamma-gamma spend, segments,
// channels with acquisition costs, tags, e-mails/complaints/referrals/chats, NPS answers and churn
// events whose reasons come from default_churn_reasons(). customers >= 1.
Workspace generate_ecommerce_demo(uint64_t seed = 2024, int customers = 5000);

// A B2B SaaS vendor: ~`accounts` accounts signing up over 2023-2024 (as_of 2024-12-31), monthly
// subscription payments by plan (Starter 49, Growth 199, Enterprise 999 per month), upgrades, monthly
// churn with reasons, support tickets and quarterly NPS. accounts >= 1.
Workspace generate_saas_demo(uint64_t seed = 2024, int accounts = 800);

// Plain data for load/fit benchmarks: `customers` customers (ids "B0000001"...) sharing exactly
// `transactions` transactions (each customer gets at least one when transactions >= customers),
// dated 2022-01-01..2024-12-31 with gamma-distributed amounts. customers >= 1, transactions >= 0.
Workspace generate_bench_workspace(uint64_t seed, int customers, long long transactions);

}  // namespace lcs
